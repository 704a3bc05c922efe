package org.marrowscope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.GradCam;
import org.marrowscope.model.GradCamMap;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.QualityModel;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;

/**
 * The short training test CI runs: a few steps on a tiny synthetic set with the real templates, DJL and
 * PyTorch. The loss must go down, and the written bundles must load back through {@link ModelBundle#load} and
 * predict.
 */
class TrainingTest {

    static DemoCohort cohort;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        // One PyTorch thread: deterministic sums, and no stalls on a busy CI machine.
        TorchRuntime.setThreads(1);
        cohort = TinyCohort.get();
    }

    private static TrainingSettings quick(int head, int epochs, double lr) {
        return new TrainingSettings(8, head, epochs, lr, lr, 0.9, 5, 0, TrainingSettings.CheckpointMetric.ACCURACY, true);
    }

    @Test
    void lossGoesDownOnATinySetAndTheQualityBundleLoadsBackAndScores() throws Exception {
        List<QualitySample> labels = new ArrayList<>();
        for (DemoCohort.Member m : cohort.members().subList(0, 3)) {
            labels.addAll(TruthLabels.of(m.slide()).all(0.25));
        }
        assertThat(labels).hasSizeGreaterThan(40).anyMatch(QualitySample::good).anyMatch(s -> !s.good());
        Path csv = dir.resolve("labels.csv");
        QualityLabels.write(csv, labels);
        Path out = dir.resolve("quality");
        TrainingReport report = QualityTraining.run(new QualityTraining.Request(TinyCohort.template("demo-quality"),
                List.of(csv), out, dir.resolve("work"), "test-quality", "0.1.0", quick(0, 6, 0.01), Augmentation.QUALITY, 0.34, 3, 2, "cpu",
                true, null, "test"), TrainingListener.NONE, new CancellationToken());

        List<EpochResult> h = report.history();
        assertThat(h).hasSize(6);
        assertThat(h.getLast().trainLoss()).as("training loss, first vs last epoch").isLessThan(h.getFirst().trainLoss());
        ModelManifest m = report.manifest();
        assertThat(m.demo()).isTrue();
        assertThat(m.provenance().training().epochs()).isEqualTo(6);
        assertThat(m.provenance().training().bestEpoch()).isEqualTo(report.bestEpoch());
        assertThat(m.provenance().split().validation()).isEqualTo(1);
        assertThat(m.provenance().metrics()).containsKeys("validationAccuracy", "validationBalancedAccuracy");
        try (QualityModel q = new QualityModel(ModelBundle.load(out)); Slide slide = Slides.open(cohort.members().get(4).slide())) {
            BufferedImage tile = slide.readRegion(0, 512, 512, 512, 512);
            float[] p = q.score(List.of(tile, tile));
            assertThat(p[0]).isBetween(0f, 1f).isEqualTo(p[1]);
        }
    }

    @Test
    void classifierTrainsFromTheTemplateAndItsBundleLoadsBackResumesAndPredicts() throws Exception {
        Path out = dir.resolve("resnet");
        Path work = dir.resolve("resnet.work");
        ClassifierTraining.Request request = new ClassifierTraining.Request(TinyCohort.template("demo-resnet"),
                cohort.labels(), null, RoiSampler.Mode.RANDOM, 6, 1, out, work, null, "test-resnet", "0.1.0",
                quick(1, 3, 0.01), Augmentation.PAPER, new double[] {0.6, 0.2, 0.2}, 7, 2, "cpu", true, null, "test");
        TrainingReport report = ClassifierTraining.run(request, TrainingListener.NONE, new CancellationToken());

        assertThat(report.trainTiles()).isEqualTo(5 * 6);
        assertThat(report.validationTiles()).isEqualTo(5 * 6);
        assertThat(report.history()).hasSize(4);
        assertThat(report.history().getFirst().headOnly()).isTrue();
        assertThat(report.history().getLast().trainLoss()).isLessThan(report.history().getFirst().trainLoss());
        ModelManifest m = report.manifest();
        assertThat(m.provenance().split()).isEqualTo(new ModelManifest.Split(PatientSplit.METHOD, List.of(0.6, 0.2, 0.2),
                7L, 5, 5, 5));
        assertThat(m.provenance().metrics()).containsKeys("validationAccuracy", "testTileAccuracy", "testPatientAccuracy");
        assertThat(m.provenance().training().headEpochs()).isEqualTo(1);
        assertThat(m.provenance().training().augmentation()).contains("rotation 0-360").contains("zoom 90-110%");
        assertThat(m.gradCam().penultimate()).isEqualTo("output of features.pt, 128x6x6");
        // The template's weights were not touched; the bundle's were.
        assertThat(m.files().getFirst().sha256()).isNotEqualTo(
                ModelBundle.verify(TinyCohort.template("demo-resnet")).files().getFirst().sha256());
        try (Classifier c = new Classifier(ModelBundle.load(out)); Slide slide = Slides.open(cohort.members().get(2).slide())) {
            float[][] p = c.probabilities(List.of(slide.readRegion(0, 768, 768, 512, 512)));
            double sum = 0;
            for (float v : p[0]) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }

        // Rerunning the same training resumes after its last epoch instead of starting again.
        TrainingReport again = ClassifierTraining.run(request, TrainingListener.NONE, new CancellationToken());
        assertThat(again.notes()).contains("resumed after epoch 4 of an interrupted run");
        assertThat(again.history()).isEqualTo(report.history());
    }

    @Test
    void cancellingStopsBetweenStepsWritesNoBundleAndTheNextRunResumes() throws Exception {
        Path out = dir.resolve("densenet");
        Path work = dir.resolve("densenet.work");
        ClassifierTraining.Request request = new ClassifierTraining.Request(TinyCohort.template("demo-densenet"),
                cohort.labels(), null, RoiSampler.Mode.RANDOM, 4, 1, out, work, dir.resolve("shared"), "test-densenet", "0.1.0",
                quick(0, 3, 0.01), Augmentation.PAPER.withColour(0.15, 10), new double[] {0.6, 0.2, 0.2}, 7, 2, "cpu", true,
                null, "test");
        CancellationToken cancel = new CancellationToken();
        TrainingListener stopInSecondEpoch = new TrainingListener() {
            @Override
            public void onEpochStart(int epoch, int epochs, boolean headOnly, int steps) {
                if (epoch == 2) {
                    cancel.cancel();
                }
            }
        };
        assertThatThrownBy(() -> ClassifierTraining.run(request, stopInSecondEpoch, cancel))
                .isInstanceOf(CancellationException.class);
        assertThat(out).doesNotExist();
        assertThat(work.resolve("checkpoints/state.json")).exists();

        List<Integer> epochsRun = new ArrayList<>();
        TrainingReport report = ClassifierTraining.run(request, new TrainingListener() {
            @Override
            public void onEpochStart(int epoch, int epochs, boolean headOnly, int steps) {
                epochsRun.add(epoch);
            }
        }, new CancellationToken());
        assertThat(epochsRun).containsExactly(2, 3);
        assertThat(report.notes()).contains("resumed after epoch 1 of an interrupted run");
        assertThat(Files.isRegularFile(out.resolve("model.json"))).isTrue();
    }

    @Test
    void mobileNetTemplateTrainsAndItsBundleExplainsBothGradCamLayers() throws Exception {
        // Depthwise convolutions, hard-swish and squeeze-excitation are ops the other templates do not use: this
        // proves DJL's PyTorch trains them and that Grad-CAM's gradient copies reproduce the inference stages.
        Path out = dir.resolve("mobilenet");
        TrainingReport report = ClassifierTraining.run(new ClassifierTraining.Request(TinyCohort.template("demo-mobilenet"),
                cohort.labels(), null, RoiSampler.Mode.RANDOM, 6, 1, out, dir.resolve("mobilenet.work"), null,
                "test-mobilenet", "0.1.0", quick(1, 3, 0.01), Augmentation.PAPER, new double[] {0.6, 0.2, 0.2}, 7, 2, "cpu",
                true, null, "test"), TrainingListener.NONE, new CancellationToken());

        assertThat(report.history().getLast().trainLoss()).isLessThan(report.history().getFirst().trainLoss());
        assertThat(report.manifest().gradCam().penultimate()).isEqualTo("output of features.pt, 192x6x6");
        try (ModelBundle bundle = ModelBundle.load(out); GradCam cam = GradCam.create(bundle);
                Slide slide = Slides.open(cohort.members().get(3).slide())) {
            BufferedImage tile = slide.readRegion(0, 768, 768, 512, 512);
            for (GradCam.Layer layer : GradCam.Layer.values()) {
                GradCamMap map = cam.compute(tile, 3, layer);
                assertThat(map.className()).isEqualTo("Lymphoma");
                assertThat(map.values()).as(layer + " map").hasSize(map.width() * map.height());
                float max = 0;
                for (float v : map.values()) {
                    assertThat(v).isFinite().isGreaterThanOrEqualTo(0f);
                    max = Math.max(max, v);
                }
                assertThat(max).as(layer + " map has some signal").isGreaterThan(0f);
            }
        }
    }

    @Test
    void stageOneTrainingRefusesAClassifierAndStageTwoAQualityModel() {
        assertThatThrownBy(() -> QualityTraining.run(new QualityTraining.Request(TinyCohort.template("demo-resnet"),
                List.of(cohort.labels()), dir.resolve("q"), dir.resolve("w"), "q", "1", quick(0, 1, 0.01), Augmentation.QUALITY,
                0.2, 1, 1,
                "cpu", true, null, "t"), TrainingListener.NONE, new CancellationToken()))
                .hasMessageContaining("stage-1 training starts from a quality bundle");
        assertThatThrownBy(() -> ClassifierTraining.run(new ClassifierTraining.Request(TinyCohort.template("demo-quality"),
                cohort.labels(), null, RoiSampler.Mode.RANDOM, 4, 1, dir.resolve("c"), dir.resolve("w"), null, "c", "1",
                quick(0, 1, 0.01), Augmentation.PAPER, new double[] {0.6, 0.2, 0.2}, 1, 1, "cpu", true, null, "t"),
                TrainingListener.NONE,
                new CancellationToken())).hasMessageContaining("stage-2 training starts from a classifier bundle");
    }
}
