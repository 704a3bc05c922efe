package org.marrowscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marrowscope.model.GradCam.Layer;

/** Grad-CAM against torch.autograd in Python, against finite differences, and its refusals. */
class GradCamTest {

    private static ModelBundle cnn;
    private static ModelBundle resnet;
    private static GradCam cnnCam;
    private static GradCam resnetCam;

    @BeforeAll
    static void load() throws ModelBundleException {
        cnn = ModelBundle.load(TestFixtures.models("tiny-cnn"));
        resnet = ModelBundle.load(TestFixtures.models("tiny-resnet"));
        cnnCam = GradCam.create(cnn);
        resnetCam = GradCam.create(resnet);
    }

    @AfterAll
    static void close() {
        cnnCam.close();
        resnetCam.close();
        cnn.close();
        resnet.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-cnn", "tiny-resnet"})
    void matchesPythonAutogradAtBothLayers(String model) {
        GradCam cam = model.equals("tiny-cnn") ? cnnCam : resnetCam;
        JsonNode ref = TestFixtures.json(TestFixtures.reference(model + ".json"));
        assertThat(ref.get("gradCam")).hasSize(8);
        float worst = 0;
        for (JsonNode r : ref.get("gradCam")) {
            BufferedImage tile = TestFixtures.tile(r.get("tile").asText());
            Layer layer = Layer.valueOf(r.get("layer").asText().toUpperCase());
            int c = r.get("classIndex").asInt();
            GradCam.Detail detail = cam.computeDetail(tile, c, layer);
            GradCamMap map = detail.map();
            float[] weights = TestFixtures.f32(r.get("weights").asText());
            float scale = 0;
            for (float w : weights) {
                scale = Math.max(scale, Math.abs(w));
            }
            assertThat(TestFixtures.maxAbsDiff(detail.weights(), weights) / scale).as("relative weight error " + r)
                    .isLessThan(1e-4f);
            assertThat(map.width()).isEqualTo(r.get("width").asInt()).isEqualTo(tile.getWidth());
            assertThat(map.height()).isEqualTo(r.get("height").asInt()).isEqualTo(tile.getHeight());
            assertThat(map.layer()).isEqualTo(layer);
            assertThat(map.className()).isEqualTo(cnn.manifest().classes().get(c));
            assertThat(map.probability()).isCloseTo((float) r.get("probability").asDouble(), within(1e-4f));
            float diff = TestFixtures.maxAbsDiff(map.values(), TestFixtures.f32(r.get("map").asText()));
            assertThat(diff).as(r.toString()).isLessThan(1e-4f);
            worst = Math.max(worst, diff);
        }
        System.out.printf("%s: max |Java - Python| Grad-CAM difference %.2e%n", model, worst);
    }

    @Test
    void mapsAreNormalisedAndDifferBetweenLayersAndClasses() {
        BufferedImage tile = TestFixtures.tile("tile-a.png");
        GradCamMap pen = cnnCam.compute(tile, 1, Layer.PENULTIMATE);
        GradCamMap mid = cnnCam.compute(tile, 1, Layer.INTERMEDIATE);
        GradCamMap other = null;
        for (int c : new int[] {0, 2, 3, 4}) {
            other = cnnCam.compute(tile, c, Layer.PENULTIMATE);
            if (max(other) > 0) {
                break;
            }
        }
        for (GradCamMap m : new GradCamMap[] {pen, mid, other}) {
            for (float v : m.values()) {
                assertThat(v).isBetween(0f, 1f);
            }
            assertThat(max(m)).isEqualTo(1f);
        }
        assertThat(other.classIndex()).isNotEqualTo(1);
        assertThat(TestFixtures.maxAbsDiff(pen.values(), mid.values())).isGreaterThan(0.1f);
        assertThat(TestFixtures.maxAbsDiff(pen.values(), other.values())).isGreaterThan(0.1f);
        assertThat(cnnCam.supports(Layer.INTERMEDIATE)).isTrue();
        // Class 3 has no positive evidence on this tile (the Python reference agrees): zeros, not NaN.
        assertThat(cnnCam.compute(tile, 3, Layer.PENULTIMATE).values()).containsOnly(0f);
    }

    private static float max(GradCamMap m) {
        float max = 0;
        for (float v : m.values()) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * w_k is the spatial mean of dp_c/dA_k, i.e. (1/HW) dp_c/d(eps) for A_k + eps everywhere in channel k;
     * a central difference of p_c through the inference-mode stages gives it without any autograd.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PENULTIMATE", "INTERMEDIATE"})
    void weightsMatchFiniteDifferences(String layerName) {
        Layer layer = Layer.valueOf(layerName);
        BufferedImage tile = TestFixtures.tile("tile-c.png");
        int c = 4;
        GradCam.Detail d = cnnCam.computeDetail(tile, c, layer);
        long[] shape = d.shape();
        int channels = (int) shape[1];
        int plane = (int) (shape[2] * shape[3]);
        assertThat(d.weights()).hasSize(channels);
        float eps = 1e-2f;
        double maxW = 0;
        double maxErr = 0;
        for (int k = 0; k < channels; k++) {
            float[] plus = d.activations().clone();
            float[] minus = d.activations().clone();
            for (int i = k * plane; i < (k + 1) * plane; i++) {
                plus[i] += eps;
                minus[i] -= eps;
            }
            double numeric = (cnnCam.probabilityFrom(plus, shape, c, layer)
                    - cnnCam.probabilityFrom(minus, shape, c, layer)) / (2 * eps) / plane;
            maxW = Math.max(maxW, Math.abs(d.weights()[k]));
            maxErr = Math.max(maxErr, Math.abs(numeric - d.weights()[k]));
        }
        assertThat(maxW).isGreaterThan(0);
        assertThat(maxErr / maxW).as("relative error of the channel weights").isLessThan(0.02);
        assertThat(cnnCam.probabilityFrom(d.activations(), shape, c, layer))
                .isCloseTo(d.map().probability(), within(1e-5f));
    }

    /**
     * The same weights as tiny-cnn with a scripted head that keeps Dropout(0.5): Grad-CAM must run it in
     * eval mode and reproduce tiny-cnn's Python maps; forcing the copy into train mode must be caught.
     */
    @Test
    void dropoutLeftInAScriptedHeadStaysOff() throws ModelBundleException {
        JsonNode ref = TestFixtures.json(TestFixtures.reference("tiny-cnn.json"));
        try (ModelBundle scripted = ModelBundle.load(TestFixtures.models("scripted-dropout-head"));
                GradCam cam = GradCam.create(scripted)) {
            for (JsonNode r : ref.get("gradCam")) {
                GradCamMap map = cam.compute(TestFixtures.tile(r.get("tile").asText()), r.get("classIndex").asInt(),
                        Layer.valueOf(r.get("layer").asText().toUpperCase()));
                assertThat(TestFixtures.maxAbsDiff(map.values(), TestFixtures.f32(r.get("map").asText())))
                        .as(r.toString()).isLessThan(1e-4f);
            }
            JniUtils.enableTrainingMode((PtSymbolBlock) cam.copies().getLast().getBlock());
            assertThatThrownBy(cam::verifyCopies)
                    .isInstanceOfSatisfying(ModelBundleException.class,
                            e -> assertThat(e.kind()).isEqualTo(ModelBundleException.Kind.LOAD_FAILED))
                    .hasMessageContainingAll("head.pt", "computes something else");
        }
    }

    @Test
    void refusesBadArguments() {
        BufferedImage tile = TestFixtures.tile("tile-a.png");
        assertThatThrownBy(() -> cnnCam.compute(tile, 5, Layer.PENULTIMATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class index 5");
        assertThatThrownBy(() -> cnnCam.compute(tile, -1, Layer.INTERMEDIATE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesNoArraysBehind() {
        BufferedImage tile = TestFixtures.tile("tile-b.png");
        for (int i = 0; i < 5; i++) {
            resnetCam.compute(tile, i, i % 2 == 0 ? Layer.PENULTIMATE : Layer.INTERMEDIATE);
        }
        assertThat(resnet.liveArrays()).isZero();
    }
}
