package org.marrowscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Java (DJL, PyTorch 2.7.1) against the Python (torch 1.13) references, batching, threads and memory. */
class InferenceTest {

    private static final List<String> TILES = List.of("tile-a.png", "tile-b.png", "tile-c.png");

    private static QualityModel quality;
    private static Classifier cnn;
    private static Classifier resnet;

    @BeforeAll
    static void load() throws ModelBundleException {
        quality = QualityModel.load(TestFixtures.models("tiny-quality"));
        cnn = Classifier.load(TestFixtures.models("tiny-cnn"));
        resnet = new Classifier(ModelBundle.load(TestFixtures.models("tiny-resnet"), Device.cpu()), 2);
    }

    @AfterAll
    static void close() {
        quality.close();
        cnn.close();
        resnet.close();
    }

    private static List<BufferedImage> tiles() {
        return TILES.stream().map(TestFixtures::tile).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-quality", "tiny-cnn", "tiny-resnet"})
    void preprocessingMatchesPythonTensors(String model) {
        JsonNode ref = TestFixtures.json(TestFixtures.reference(model + ".json"));
        ModelBundle bundle = bundle(model);
        TilePreprocessor pre = new TilePreprocessor(bundle.manifest().input());
        for (JsonNode t : ref.get("tiles")) {
            float[] java = pre.toTensor(List.of(TestFixtures.tile(t.get("tile").asText())));
            float[] python = TestFixtures.f32(t.get("input").asText());
            assertThat(TestFixtures.maxAbsDiff(java, python)).as(model + " " + t.get("tile")).isLessThan(1e-4f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-quality", "tiny-cnn", "tiny-resnet"})
    void probabilitiesMatchPython(String model) {
        JsonNode ref = TestFixtures.json(TestFixtures.reference(model + ".json"));
        float[][] java = model.equals("tiny-quality") ? qualityAsRows() : classifier(model).probabilities(tiles());
        float worst = 0;
        for (int i = 0; i < TILES.size(); i++) {
            JsonNode t = ref.get("tiles").get(i);
            assertThat(t.get("tile").asText()).isEqualTo(TILES.get(i));
            float[] python = new float[t.get("probabilities").size()];
            for (int c = 0; c < python.length; c++) {
                python[c] = (float) t.get("probabilities").get(c).asDouble();
            }
            worst = Math.max(worst, TestFixtures.maxAbsDiff(java[i], python));
        }
        System.out.printf("%s: max |Java - Python| probability difference %.2e%n", model, worst);
        assertThat(worst).isLessThan(1e-4f);
    }

    /** Quality scores laid out as (1 - p, p) rows so they compare with the reference's two classes. */
    private static float[][] qualityAsRows() {
        float[] good = quality.score(tiles());
        float[][] rows = new float[good.length][];
        for (int i = 0; i < good.length; i++) {
            rows[i] = new float[] {1 - good[i], good[i]};
        }
        return rows;
    }

    @Test
    void qualityScoresAreTheGoodClass() {
        float[] p = quality.score(tiles());
        JsonNode ref = TestFixtures.json(TestFixtures.reference("tiny-quality.json"));
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isCloseTo((float) ref.get("tiles").get(i).get("probabilities").get(1).asDouble(),
                    within(1e-4f));
        }
        assertThat(quality.score(List.of())).isEmpty();
    }

    @Test
    void batchingGivesTheSameResultsAsOneTileAtATime() throws ModelBundleException {
        List<BufferedImage> many = randomTiles(37, 7, 0);
        float[][] together = cnn.probabilities(many);
        try (Classifier single = new Classifier(ModelBundle.load(TestFixtures.models("tiny-cnn")), 1);
                Classifier odd = new Classifier(ModelBundle.load(TestFixtures.models("tiny-cnn")), 5)) {
            float[][] alone = single.probabilities(many);
            float[][] fives = odd.probabilities(many);
            for (int i = 0; i < many.size(); i++) {
                assertThat(TestFixtures.maxAbsDiff(together[i], alone[i])).isLessThan(1e-5f);
                assertThat(TestFixtures.maxAbsDiff(together[i], fives[i])).isLessThan(1e-5f);
                float sum = 0;
                for (float v : together[i]) {
                    sum += v;
                }
                assertThat(sum).isCloseTo(1f, within(1e-5f));
            }
        }
        assertThat(cnn.batchSize()).isEqualTo(32);
        assertThat(resnet.batchSize()).isEqualTo(2);
        assertThat(cnn.classes()).containsExactly("ALL", "AML", "CML", "Lymphoma", "MM");
    }

    @Test
    void tilesOfAnyTypeAndSizeAreAccepted() {
        BufferedImage rgb = TestFixtures.tile("tile-a.png");
        BufferedImage bgr = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(rgb, 0, 0, null);
        float[][] p = resnet.probabilities(List.of(rgb, bgr, new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB)));
        assertThat(TestFixtures.maxAbsDiff(p[0], p[1])).isEqualTo(0f);
        assertThat(p[2]).hasSize(5);
    }

    @Test
    void concurrentCallersGetTheSameAnswers() throws Exception {
        List<BufferedImage> many = randomTiles(24, 11, 0);
        float[][] expected = cnn.probabilities(many);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> cnn.probabilities(many)));
            }
            for (Future<float[][]> f : futures) {
                float[][] got = f.get();
                for (int i = 0; i < many.size(); i++) {
                    assertThat(TestFixtures.maxAbsDiff(got[i], expected[i])).isLessThan(1e-5f);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nativeMemoryStaysBounded() {
        List<BufferedImage> batch = randomTiles(32, 3, 64);
        ModelBundle bundle = cnn.bundle();
        for (int i = 0; i < 20; i++) {
            cnn.probabilities(batch);
        }
        long before = NativeHeap.allocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            cnn.probabilities(batch);
            assertThat(bundle.liveArrays()).as("NDArrays left after batch " + i).isZero();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long growth = NativeHeap.allocatedBytes() - before;
        System.out.printf("tiny-cnn: 50 batches of 32 tiles (64x64) in %.2f s = %.0f tiles/s; native heap %+d KiB%n",
                seconds, 50 * 32 / seconds, growth >> 10);
        assertThat(growth).isLessThan(8L << 20);
    }

    /** The probe above would see a leak: 50 batch inputs left open add ~75 MiB. */
    @Test
    void nativeHeapProbeSeesALeak() {
        long before = NativeHeap.allocatedBytes();
        List<NDManager> leaked = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                NDManager m = cnn.bundle().newBatchManager();
                leaked.add(m);
                m.create(new float[32 * 3 * 64 * 64], new Shape(32, 3, 64, 64));
            }
            assertThat(NativeHeap.allocatedBytes() - before).isGreaterThan(60L << 20);
            assertThat(cnn.bundle().liveArrays()).isGreaterThanOrEqualTo(50);
        } finally {
            leaked.forEach(NDManager::close);
        }
        assertThat(cnn.bundle().liveArrays()).isZero();
    }

    @Test
    void wrongRoleIsRefused() {
        assertThatThrownBy(() -> new Classifier(quality.bundle())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a classifier");
        assertThatThrownBy(() -> new QualityModel(cnn.bundle())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a quality model");
        assertThatThrownBy(() -> new Classifier(cnn.bundle(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceIsChosenAutomaticallyAndReported() throws ModelBundleException {
        TorchRuntime.Info info = TorchRuntime.info();
        assertThat(info.engine()).isEqualTo("PyTorch");
        assertThat(info.engineVersion()).isEqualTo("2.7.1");
        assertThat(info.offline()).isTrue();
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        Device expected = info.gpuCount() > 0 ? Device.gpu() : Device.cpu();
        assertThat(info.defaultDevice()).isEqualTo(expected);
        assertThat(cnn.bundle().device()).isEqualTo(expected);
        assertThat(info.describe()).startsWith("PyTorch 2.7.1 on " + TorchRuntime.describe(expected))
                .contains("offline");
        assertThat(info.nativeLibraries()).isNotBlank();

        assertThat(TorchRuntime.device("cpu")).isEqualTo(Device.cpu());
        assertThat(TorchRuntime.device(" AUTO ")).isEqualTo(expected);
        assertThatThrownBy(() -> TorchRuntime.device("gpu:" + info.gpuCount()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DJL sees " + info.gpuCount());
        assertThatThrownBy(() -> TorchRuntime.device("tpu")).hasMessageContaining("unknown device \"tpu\"");

        String old = System.setProperty(TorchRuntime.DEVICE_PROPERTY, "cpu");
        try (ModelBundle b = ModelBundle.load(TestFixtures.models("tiny-quality"))) {
            assertThat(b.device()).isEqualTo(Device.cpu());
            assertThat(b.toString()).contains("cpu");
        } finally {
            restore(old);
        }
        System.setProperty(TorchRuntime.DEVICE_PROPERTY, "gpu:7");
        try {
            assertThatThrownBy(() -> ModelBundle.load(TestFixtures.models("tiny-quality")))
                    .isInstanceOfSatisfying(ModelBundleException.class,
                            e -> assertThat(e.kind()).isEqualTo(ModelBundleException.Kind.LOAD_FAILED))
                    .hasMessageContaining("gpu:7");
        } finally {
            restore(old);
        }
    }

    private static void restore(String old) {
        if (old == null) {
            System.clearProperty(TorchRuntime.DEVICE_PROPERTY);
        } else {
            System.setProperty(TorchRuntime.DEVICE_PROPERTY, old);
        }
    }

    private static ModelBundle bundle(String model) {
        return switch (model) {
            case "tiny-quality" -> quality.bundle();
            case "tiny-cnn" -> cnn.bundle();
            default -> resnet.bundle();
        };
    }

    private static Classifier classifier(String model) {
        return model.equals("tiny-cnn") ? cnn : resnet;
    }

    /** Noisy variations of the reference tiles, {@code size} pixels square or, for 0, of random sizes. */
    static List<BufferedImage> randomTiles(int n, long seed, int fixedSize) {
        Random random = new Random(seed);
        List<BufferedImage> base = tiles();
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage src = base.get(i % base.size());
            int size = fixedSize > 0 ? fixedSize : 48 + random.nextInt(40);
            BufferedImage t = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            t.createGraphics().drawImage(src, 0, 0, size, size, null);
            for (int k = 0; k < 50; k++) {
                t.setRGB(random.nextInt(size), random.nextInt(size), random.nextInt(0x1000000));
            }
            out.add(t);
        }
        return out;
    }
}
