package org.marrowscope.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.pipeline.CancellationToken;

/**
 * `train calibrate` end to end on the tiny cohort with the real demo weights: every bundle is written anew with a
 * hashed calibration.json that loads back, the weights are untouched, and the numbers are what the method says.
 */
class CalibrationDerivationTest {

    static final Path MODELS = Path.of("models").toAbsolutePath();

    @Test
    void derivesAndWritesEachBundlesCalibrationWithTheWeightsUnchanged(@TempDir Path out) throws Exception {
        DemoCohort cohort = TinyCohort.get();
        List<Path> classifiers = List.of(MODELS.resolve("demo-resnet"), MODELS.resolve("demo-mobilenet"));
        Map<String, Object> summary = CalibrationDerivation.run(new CalibrationDerivation.Request(
                MODELS.resolve("demo-quality"), classifiers, cohort.labels(), new double[] {0.6, 0.2, 0.2}, 7,
                cohort.labels(), out, "9.9.9-test", "tiny test cohort", 8, 20, 2, "cpu"), TrainingListener.NONE,
                new CancellationToken());
        assertThat(summary).containsKeys("demo-quality", "demo-resnet", "demo-mobilenet", "calibrationSlidesUsed");
        for (String name : List.of("demo-quality", "demo-resnet", "demo-mobilenet")) {
            try (ModelBundle b = ModelBundle.load(out.resolve(name), Device.cpu())) {
                ModelManifest m = b.manifest();
                assertThat(m.version()).isEqualTo("9.9.9-test");
                assertThat(m.file(ModelManifest.Purpose.CALIBRATION)).isNotNull();
                ModelCalibration c = b.calibration().orElseThrow();
                assertThat(c.derivedFrom()).isEqualTo("tiny test cohort");
                assertThat(c.domain().tileThreshold()).isPositive();
                assertThat(c.domain().slideFraction()).isBetween(0.25, 0.5);
                // The weights are the source bundle's, byte for byte.
                for (ModelManifest.FileEntry f : m.files()) {
                    if (f.purpose() != ModelManifest.Purpose.CALIBRATION) {
                        assertThat(Files.mismatch(out.resolve(name).resolve(f.path()),
                                MODELS.resolve(name).resolve(f.path()))).isEqualTo(-1L);
                    }
                }
                if (name.equals("demo-quality")) {
                    assertThat(c.temperature()).isNull();
                    assertThat(c.domain().features()).isEqualTo(2);
                } else {
                    assertThat(c.temperature().value()).isBetween(0.05, 20.0);
                    assertThat(c.domain().classMeans()).hasSize(5);
                    assertThat(c.conformal().slides()).isNotEmpty()
                            .allSatisfy(s -> assertThat(s.meanProbability()).hasSize(5));
                }
            }
        }
    }
}
