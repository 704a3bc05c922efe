package org.marrowscope.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.calibration.ConformalCalibration;
import org.marrowscope.calibration.ConformalCalibration.CalibrationSlide;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.model.CalibrationFiles;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.Outcome;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelSelection;
import org.marrowscope.service.OutOfDomainInputs;
import org.marrowscope.synth.smear.SmearClass;

/**
 * The {@code atypical-confidence} refusal, end to end with the demo models' weights: the same smear field that the
 * genuine calibration lets through is refused as outside the models' domain once every calibration slide is
 * surer of its class than the field can be, and that refusal is a result the verifier accepts for reuse.
 */
class AtypicalConfidenceTest {

    static final Path MODELS = Path.of("models").toAbsolutePath();
    static final List<String> CLASSIFIERS = List.of("demo-resnet", "demo-densenet", "demo-mobilenet");

    @TempDir
    Path dir;

    @Test
    void aSlideLessSureThanEveryCalibrationSlideIsRefusedAndItsResultIsReusable() throws Exception {
        Path field = OutOfDomainInputs.png(OutOfDomainInputs.smearField(SmearClass.CML, 515_151), dir, "cml-field");
        Path strict = dir.resolve("strict");
        List<Path> strictClassifiers = new ArrayList<>();
        for (String name : CLASSIFIERS) {
            strictClassifiers.add(certainCalibration(MODELS.resolve(name), strict.resolve(name)));
        }
        ModelSelection genuine = new ModelSelection(MODELS.resolve("demo-quality"),
                CLASSIFIERS.stream().map(MODELS::resolve).toList());
        ModelSelection certain = new ModelSelection(MODELS.resolve("demo-quality"), strictClassifiers);
        try (InferenceService service = new InferenceService("MarrowScope test", 2)) {
            ClassificationResult before = classify(service, genuine, field, dir.resolve("genuine"));
            assertThat(before.outcome().status()).as(before.outcome().reason()).isEqualTo(Outcome.Status.CLASSIFIED);
            double best = before.ensemble().meanProbability()[before.ensemble().winner()];
            assertThat(best).as("the field's pooled best-class probability").isLessThan(1.0);

            ClassificationResult refused = classify(service, certain, field, dir.resolve("certain"));
            assertThat(refused.outcome().status()).isEqualTo(Outcome.Status.OUTSIDE_DOMAIN);
            assertThat(refused.outcome().code()).isEqualTo(Outcome.ATYPICAL_CONFIDENCE);
            assertThat(refused.outcome().reason()).contains("less sure of every class than on any of the")
                    .contains("least sure calibration slide 1.00");
            assertThat(refused.predictionSets()).isEmpty();

            var again = service.classify(new ClassifyRequest(field, certain,
                    PipelineSettings.PAPER.withMicronsPerPixel(0.25), dir.resolve("certain"), true, "cpu"), p -> { },
                    new CancellationToken());
            assertThat(again.reused()).as("a verified refusal is reused, not recomputed").isTrue();
            assertThat(again.result().outcome()).isEqualTo(refused.outcome());
        }
    }

    private static ClassificationResult classify(InferenceService service, ModelSelection models, Path field,
            Path results) throws Exception {
        return service.classify(new ClassifyRequest(field, models, PipelineSettings.PAPER.withMicronsPerPixel(0.25),
                results, true, "cpu"), p -> { }, new CancellationToken()).result();
    }

    /** A copy of the bundle whose calibration slides were each certain of their class (true-class score 1). */
    private static Path certainCalibration(Path bundle, Path out) throws Exception {
        Files.createDirectories(out.getParent());
        try (ModelBundle b = ModelBundle.load(bundle)) {
            ModelManifest m = b.manifest();
            ModelCalibration c = b.calibration().orElseThrow();
            List<CalibrationSlide> slides = c.conformal().slides().stream().map(s -> {
                double[] p = new double[s.meanProbability().length];
                p[s.label()] = 1.0;
                return new CalibrationSlide(s.id(), s.label(), p);
            }).toList();
            ModelCalibration strict = new ModelCalibration(c.formatVersion(), c.temperature(), c.domain(),
                    new ConformalCalibration(c.conformal().score(), "certain calibration slides (test)", slides),
                    c.derivedFrom(), c.date());
            BundleWriter.write(out, m, b.directory(), m.name(), m.version() + "-certain", Boolean.TRUE.equals(m.demo()),
                    m.provenance(), m.intendedUse(), CalibrationFiles.bytes(strict));
        }
        return out;
    }
}
