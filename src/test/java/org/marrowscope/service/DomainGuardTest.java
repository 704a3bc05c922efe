package org.marrowscope.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marrowscope.TestData;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.Outcome;
import org.marrowscope.synth.smear.SmearClass;

/**
 * Knowing when not to answer, with the shipped demo models and their calibration: pictures that are not
 * Wright-Giemsa marrow smears, and smears given a wrong calibration, are refused (outside the models' domain or
 * not classifiable) with a reason, while an unseen synthetic smear field is classified with its domain checked
 * and its prediction sets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainGuardTest {

    static final Path MODELS = Path.of("models").toAbsolutePath();
    static final ModelSelection DEMO = new ModelSelection(MODELS.resolve("demo-quality"), List.of(
            MODELS.resolve("demo-resnet"), MODELS.resolve("demo-densenet"), MODELS.resolve("demo-mobilenet")));

    private InferenceService service;
    private Path dir;
    private BufferedImage smear;

    @BeforeAll
    void start() throws Exception {
        service = new InferenceService("MarrowScope test", 2);
        dir = Files.createTempDirectory("domain-guard");
        smear = OutOfDomainInputs.smearField(SmearClass.AML, 424_242);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private ClassificationResult classify(Path picture, Double mpp) throws Exception {
        return service.classify(new ClassifyRequest(picture, DEMO, PipelineSettings.PAPER.withMicronsPerPixel(mpp),
                dir.resolve("results"), false, "cpu"), p -> { }, new CancellationToken()).result();
    }

    @Test
    void anUnseenSyntheticSmearFieldIsClassifiedWithItsDomainCheckedAndItsSets() throws Exception {
        ClassificationResult r = classify(OutOfDomainInputs.png(smear, dir, "aml-field"), 0.25);
        assertThat(r.outcome().status()).as(r.outcome().reason()).isEqualTo(Outcome.Status.CLASSIFIED);
        assertThat(r.diagnosis()).isEqualTo("AML");
        assertThat(r.singleField()).isTrue();
        assertThat(r.domain().checked()).isTrue();
        assertThat(r.domain().outside()).isFalse();
        assertThat(r.domain().models()).hasSize(4);
        assertThat(r.predictionSets()).hasSize(2);
        assertThat(r.predictionSet(0.95).classes()).contains("AML");
        assertThat(r.rois()).allSatisfy(roi -> assertThat(roi.distances()).hasSize(3));
    }

    static Stream<Arguments> foreign() {
        return Stream.of(
                Arguments.of("H&E section (the real CMU-1 fixture) as a slide, its own calibration", "he-slide", null),
                Arguments.of("H&E section as a picture at 0.25 um/px", "he", 0.25),
                Arguments.of("H&E section as a picture at 0.5 um/px", "he", 0.5),
                Arguments.of("H&E section as a picture at 0.1 um/px", "he", 0.1),
                Arguments.of("RGB noise at 0.25 um/px", "noise", 0.25),
                Arguments.of("RGB noise at 0.5 um/px", "noise", 0.5),
                Arguments.of("a smooth colour gradient at 0.25 um/px", "gradient", 0.25),
                Arguments.of("fractal clouds in stain colours at 0.25 um/px", "clouds", 0.25),
                Arguments.of("the app's 512 px icon at 0.5 um/px", "icon", 0.5),
                Arguments.of("a synthetic smear in an H&E palette at 0.25 um/px", "smear-he", 0.25),
                Arguments.of("a synthetic smear in grey at 0.25 um/px", "smear-grey", 0.25),
                Arguments.of("a synthetic smear calibrated 4x too coarse (1.0 um/px)", "smear", 1.0),
                Arguments.of("a synthetic smear calibrated 4x too fine (0.0625 um/px)", "smear", 0.0625));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreign")
    void foreignPicturesAreRefusedWithAReason(String what, String kind, Double mpp) throws Exception {
        Path input = switch (kind) {
            case "he-slide" -> TestData.slide("CMU-1-Small-Region.svs");
            case "he" -> OutOfDomainInputs.png(OutOfDomainInputs.hematoxylinEosin(), dir, "he");
            case "noise" -> OutOfDomainInputs.png(OutOfDomainInputs.noise(1536, 9), dir, "noise");
            case "gradient" -> OutOfDomainInputs.png(OutOfDomainInputs.gradient(1536), dir, "gradient");
            case "clouds" -> OutOfDomainInputs.png(OutOfDomainInputs.clouds(1536, 4), dir, "clouds");
            case "icon" -> Path.of("icons", "marrowscope-512.png").toAbsolutePath();
            case "smear-he" -> OutOfDomainInputs.png(OutOfDomainInputs.hePalette(smear), dir, "smear-he");
            case "smear-grey" -> OutOfDomainInputs.png(OutOfDomainInputs.grey(smear), dir, "smear-grey");
            case "smear" -> OutOfDomainInputs.png(smear, dir, "smear");
            default -> throw new IllegalArgumentException(kind);
        };
        ClassificationResult r = classify(input, mpp);
        assertThat(r.outcome().status()).as(what + ": " + r.outcome().reason()).isNotEqualTo(Outcome.Status.CLASSIFIED);
        assertThat(r.diagnosis()).isNull();
        assertThat(r.outcome().reason()).isNotBlank();
        if (r.outcome().status() == Outcome.Status.OUTSIDE_DOMAIN) {
            assertThat(r.outcome().code()).isEqualTo(Outcome.UNLIKE_TRAINING_DATA);
            assertThat(r.domain().failing()).isNotEmpty();
            assertThat(r.outcome().reason()).contains("unlike").contains("training tiles");
        }
        System.out.printf(Locale.ROOT, "domain-guard: %s -> %s (%s)%n", what, r.outcome().headline(), r.outcome().code());
    }

    @Test
    void aPictureSmallerThanOneTileSaysSoInMicrons() throws Exception {
        // A 100x oil field: 0.021 um/px, 4140 x 3140 px = 87 x 66 um, smaller than one 128 um tile.
        BufferedImage field = new BufferedImage(4140, 3140, BufferedImage.TYPE_INT_RGB);
        Path p = dir.resolve("oil-field.png");
        ImageIO.write(field, "png", p.toFile());
        ClassificationResult r = classify(p, 0.021);
        assertThat(r.outcome().status()).isEqualTo(Outcome.Status.NOT_CLASSIFIABLE);
        assertThat(r.outcome().code()).isEqualTo(Outcome.SMALLER_THAN_ONE_TILE);
        assertThat(r.outcome().reason()).contains("87 x 66 um").contains("128 x 128 um");
        assertThat(r.parameters().micronsPerPixelSource()).isEqualTo("user");
    }

    @Test
    void aTooCoarseCalibrationIsRefusedWithoutSuggestingAnother() {
        List<String> messages = new ArrayList<>();
        for (double mpp : new double[] {2.0, 50.0, 0.001}) {
            try {
                classify(TestData.slide("boxes.tiff"), mpp);
            } catch (Exception e) {
                messages.add(e.getMessage());
            }
        }
        assertThat(messages).hasSize(3).noneMatch(m -> m.contains("--mpp 0.25"));
        assertThat(messages.get(0)).contains("too coarse");
        assertThat(messages.get(1)).contains("calibration is wrong");
        assertThat(messages.get(2)).contains("calibration is wrong");
    }
}
