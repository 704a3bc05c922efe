package org.marrowscope.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;
import org.marrowscope.model.GradCam;
import org.marrowscope.model.GradCamMap;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.RoiImages;
import org.marrowscope.pipeline.result.SelectionMode;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.pipeline.Stage;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearRenderer;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;

/** The whole pipeline with real DJL inference on the test bundles and a real slide read through OpenSlide. */
class InferenceServiceTest {

    static final Path MODELS = Path.of("src/test/resources/models");
    static final ModelSelection TINY = new ModelSelection(MODELS.resolve("tiny-quality"),
            List.of(MODELS.resolve("tiny-cnn"), MODELS.resolve("tiny-resnet")));

    static InferenceService service;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        service = new InferenceService("MarrowScope test", 2);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static PipelineSettings settings(int rois) {
        return PipelineSettings.PAPER.withSelection(PipelineSettings.PAPER.selection().withRoiCount(rois).withBatchSize(8));
    }

    /** A synthetic AML smear: every tile has tissue, so with thresholds at 0 every tile qualifies. */
    @TempDir
    static Path slides;

    static Path syntheticSlide() throws Exception {
        Path slide = slides.resolve("aml-21.tiff");
        if (!Files.exists(slide)) {
            SyntheticSlideWriter.write(SmearSpec.of(SmearClass.AML, 21, 6000, 4500), slide, TiffWriteOptions.defaults(),
                    WriteProgress.NONE, "test");
        }
        return slide;
    }

    private static PipelineSettings anyTissue(int rois) {
        return PipelineSettings.PAPER.withSelection(new SelectionSettings(rois, 0.0, 0.0, 1, 8, false));
    }

    @Test
    void classifiesASyntheticSlideWithAnEnsembleAndSavesTheResult() throws Exception {
        Path slide = syntheticSlide();
        List<Progress> events = new ArrayList<>();
        ClassifyRequest request = new ClassifyRequest(slide, TINY, anyTissue(12), tmp, true, "cpu");
        ClassificationOutcome outcome = service.classify(request, events::add, new CancellationToken());
        ClassificationResult r = outcome.result();
        assertThat(outcome.reused()).isFalse();
        assertThat(outcome.savedTo()).isEqualTo(new ResultStore(tmp).location(slide)).exists();
        assertThat(outcome.savedTo().getFileName().toString()).matches("aml-21\\.tiff\\.[0-9a-f]{12}\\.marrowscope\\.json");
        assertThat(r.device()).isEqualTo("cpu");
        assertThat(r.classifiers()).extracting(m -> m.name()).containsExactly("tiny-cnn", "tiny-resnet");
        assertThat(r.usesDemoModels()).isTrue();
        // 0.25 um/px slide, 0.5 um/px models: tiles of 1024 level-0 pixels every 512, a 10 x 7 grid.
        assertThat(r.selection().gridTiles()).isEqualTo(70);
        assertThat(r.classifiable()).isTrue();
        assertThat(r.rois()).hasSize(12).allSatisfy(roi -> assertThat(roi.size()).isEqualTo(1024));
        assertThat(r.rois()).allMatch(roi -> roi.probabilities().size() == 2 && roi.labels().size() == 2);
        assertThat(r.ensemble().totalVotes()).isEqualTo(24);
        assertThat(r.perModel()).hasSize(2);
        // Each model's vote counts its own tile labels; the ensemble pools them.
        for (int m = 0; m < 2; m++) {
            int model = m;
            String label = r.perModel().get(m).vote().label();
            long votes = r.rois().stream().filter(roi -> roi.labels().get(model).equals(label)).count();
            assertThat(r.perModel().get(m).vote().counts()[r.classes().indexOf(label)]).isEqualTo((int) votes);
        }
        assertThat(events).extracting(Progress::stage).contains(Stage.LOADING_MODELS, Stage.QUALITY,
                Stage.CLASSIFICATION, Stage.SAVING);
        java.awt.image.BufferedImage tile;
        try (Slide open = Slides.open(slide)) {
            tile = new RoiImages(open, r.parameters()).read(r.rois().get(3));
        }
        for (GradCam.Layer layer : GradCam.Layer.values()) {
            GradCamMap cam = service.gradCam(tile, MODELS.resolve("tiny-resnet"), 2, layer, "cpu").get(60, TimeUnit.SECONDS);
            assertThat(cam.width()).isEqualTo(512);
            assertThat(cam.height()).isEqualTo(512);
            assertThat(cam.className()).isEqualTo("CML");
            assertThat(cam.probability()).isCloseTo(r.rois().get(3).probabilities().get(1)[2], within(1e-4f));
            float max = 0;
            for (float v : cam.values()) {
                assertThat(v).isBetween(0f, 1f);
                max = Math.max(max, v);
            }
            assertThat(max).isIn(0f, 1f);
        }

        ClassificationOutcome again = service.classify(request, p -> { }, new CancellationToken());
        assertThat(again.reused()).isTrue();
        assertThat(again.result().rois()).hasSameSizeAs(r.rois());
        ClassifyRequest otherSeed = new ClassifyRequest(slide, TINY,
                anyTissue(12).withSelection(anyTissue(12).selection().withSeed(99)), tmp, true, "cpu");
        ClassificationOutcome other = service.classify(otherSeed, p -> { }, new CancellationToken());
        assertThat(other.reused()).isFalse();
        assertThat(other.result().rois()).isNotEqualTo(r.rois());
    }

    @Test
    void aMicroscopeFieldPictureUsesItsGoodTiles() throws Exception {
        // A 3000x2000 camera field at 0.25 um/px: with the 0.5 um/px test models, 4 x 2 tiles, far fewer than 200.
        SmearRenderer smear = new SmearRenderer(SmearSpec.of(SmearClass.MM, 8, 12000, 12000));
        java.awt.image.BufferedImage field = new java.awt.image.BufferedImage(3000, 2000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        smear.render(5000, 5000, 3000, 2000,
                ((java.awt.image.DataBufferInt) field.getRaster().getDataBuffer()).getData());
        Path png = tmp.resolve("field.png");
        javax.imageio.ImageIO.write(field, "png", png.toFile());
        // Thresholds of 0 make every tissue tile good, so the field rule itself is what is tested here.
        ClassifyRequest request = new ClassifyRequest(png, TINY, anyTissue(200).withMicronsPerPixel(0.25), tmp,
                false, "cpu");
        ClassificationResult r = service.classify(request, p -> { }, new CancellationToken()).result();
        assertThat(r.selection().gridTiles()).isEqualTo(8);
        assertThat(r.selection().mode()).isEqualTo(SelectionMode.FIELD_GOOD_TILES);
        assertThat(r.rois()).hasSize(8 - r.selection().background());
        assertThat(r.singleField()).isTrue();
        // The test models carry no calibration: the result must say so and be flagged, never look certain.
        assertThat(r.domain().checked()).isFalse();
        assertThat(r.uncertaintyReasons()).anyMatch(s -> s.startsWith("domain not checked"));
        assertThat(r.parameters().micronsPerPixelSource()).isEqualTo("user");
    }

    @Test
    void aSlideWithTooFewGoodTilesIsNotClassifiableWithCounts() throws Exception {
        // CMU-1 is an H&E section with wide white margins: most tiles fail the corner rule.
        ClassifyRequest request = new ClassifyRequest(TestData.slide("CMU-1-Small-Region.svs"), TINY, settings(200), tmp,
                false, "cpu");
        ClassificationResult r = service.classify(request, p -> { }, new CancellationToken()).result();
        assertThat(r.classifiable()).isFalse();
        assertThat(r.diagnosis()).isNull();
        assertThat(r.rois()).isEmpty();
        assertThat(r.selection().mode()).isEqualTo(SelectionMode.NOT_CLASSIFIABLE);
        assertThat(r.selection().exhaustive()).isTrue();
        assertThat(r.selection().assessed()).isEqualTo(r.selection().candidates());
        assertThat(r.selection().atLow()).isLessThan(200);
        assertThat(r.selection().background()).isPositive();
    }

    @Test
    void cancellingDuringStageOneStopsWithinOneBatchAndSavesNothing() throws Exception {
        Path slide = Files.copy(TestData.slide("CMU-1-Small-Region.svs"), tmp.resolve("cancel-me.svs"));
        java.util.concurrent.atomic.AtomicReference<ClassifyJob> job = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch submitted = new java.util.concurrent.CountDownLatch(1);
        List<Progress> stageOne = java.util.Collections.synchronizedList(new ArrayList<>());
        ClassifyRequest request = new ClassifyRequest(slide, TINY, settings(60).withSelection(
                settings(60).selection().withExhaustive(true).withBatchSize(4)), null, false, "cpu");
        job.set(service.submit(request, p -> {
            if (p.stage() == Stage.QUALITY) {
                stageOne.add(p);
                awaitQuietly(submitted);
                job.get().cancel();
            }
        }));
        submitted.countDown();
        assertThatThrownBy(() -> job.get().outcome().get(60, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        // Cancelled at the first batch's report: the selector checks before the next batch.
        assertThat(stageOne).hasSize(1);
        assertThat(stageOne.getFirst().done()).isEqualTo(4);
        assertThat(tmp.resolve("cancel-me.svs" + ResultStore.SUFFIX)).doesNotExist();
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSecondSubmissionOfTheSameSlideJoinsTheRunningJob() throws Exception {
        Path slide = Files.copy(TestData.slide("CMU-1-Small-Region.svs"), tmp.resolve("twice.svs"));
        ClassifyRequest request = new ClassifyRequest(slide, TINY, settings(5), null, false, "cpu");
        ClassifyJob first = service.submit(request, p -> { });
        ClassifyJob second = service.submit(request, p -> { });
        assertThat(second).isSameAs(first);
        first.outcome().get(120, TimeUnit.SECONDS);
    }

    @Test
    void aSlideWithoutResolutionNeedsMpp() throws Exception {
        Path field = tmp.resolve("field.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", field.toFile());
        ClassifyRequest request = new ClassifyRequest(field, TINY, settings(5), tmp, false, "cpu");
        assertThatThrownBy(() -> service.classify(request, p -> { }, new CancellationToken()))
                .hasMessageContaining("does not state its resolution").hasMessageContaining("--mpp")
                .hasMessageNotContaining("--mpp 0.");
    }

    @Test
    void aCalibrationFarFromTheModelsIsRefused() {
        // boxes.tiff's TIFF tags claim 353 um/px: nothing a microscope makes.
        ClassifyRequest request = new ClassifyRequest(TestData.slide("boxes.tiff"), TINY, settings(5), tmp, false, "cpu");
        assertThatThrownBy(() -> service.classify(request, p -> { }, new CancellationToken()))
                .hasMessageContaining("352.8 um/px").hasMessageContaining("calibration is wrong")
                .hasMessageNotContaining("--mpp 0.");
    }
}
