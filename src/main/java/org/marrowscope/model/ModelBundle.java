package org.marrowscope.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.marrowscope.calibration.ModelCalibration;
import java.util.concurrent.locks.ReentrantLock;
import org.marrowscope.model.ModelBundleException.Kind;
import org.marrowscope.model.ModelManifest.FileEntry;
import org.marrowscope.model.ModelManifest.Purpose;
import org.marrowscope.model.ModelManifest.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validated model bundle with its TorchScript stages loaded on a device (see {@link ModelManifest} for the
 * format and the stage chain).
 *
 * <p>{@link #load(Path)} checks the manifest, every file's SHA-256, loads the stages and runs one dummy tile
 * through them, so a bundle that loads is one whose output size matches its class list. Owns native memory:
 * close it (or the {@link QualityModel} / {@link Classifier} that wraps it).
 *
 * <p>Native memory is bounded: each batch's tensors live in an NDManager closed after the batch, and the
 * input goes through one reused direct buffer.
 *
 * <p>Thread-safe: forward passes are serialised on one lock, since PyTorch already spreads one batch over its
 * intra-op threads and the input buffer is shared; callers preprocess tiles on their own threads meanwhile.
 */
public final class ModelBundle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelBundle.class);

    private final Path directory;
    private final ModelManifest manifest;
    private final String digest;
    private final Device device;
    private final NDManager root;
    private final List<Stage> stages;
    private final List<Shape> stageOutputs;
    private final ReentrantLock lock = new ReentrantLock();
    private final Optional<ModelCalibration> calibration;
    private ByteBuffer input;

    /** One loaded TorchScript file of the chain. */
    record Stage(Purpose purpose, String file, Model model) {}

    private ModelBundle(Path directory, ModelManifest manifest, String digest, Device device, NDManager root,
                        List<Stage> stages, List<Shape> stageOutputs, Optional<ModelCalibration> calibration) {
        this.calibration = calibration;
        this.directory = directory;
        this.manifest = manifest;
        this.digest = digest;
        this.device = device;
        this.root = root;
        this.stages = stages;
        this.stageOutputs = stageOutputs;
    }

    /**
     * Loads a bundle on the preferred device ({@link TorchRuntime#preferredDevice()}: a GPU when DJL sees
     * one, unless {@code -Dmarrowscope.device} or {@code MARROWSCOPE_DEVICE} says otherwise).
     */
    public static ModelBundle load(Path dir) throws ModelBundleException {
        return open(dir, null);
    }

    /** Loads a bundle on the given device. */
    public static ModelBundle load(Path dir, Device device) throws ModelBundleException {
        return open(dir, Objects.requireNonNull(device, "device"));
    }

    private static ModelBundle open(Path dir, Device requested) throws ModelBundleException {
        Path folder = dir.toAbsolutePath().normalize();
        // The manifest and hashes first: a broken bundle is reported as such even where PyTorch cannot start.
        BundleDigest.Verified verified = BundleDigest.verify(folder);
        ModelManifest manifest = verified.manifest();
        Optional<ModelCalibration> calibration = CalibrationFiles.read(folder, manifest);
        Device device;
        try {
            TorchRuntime.engine();
            device = requested != null ? requested : TorchRuntime.preferredDevice();
        } catch (java.io.UncheckedIOException e) {
            throw e; // the natives cache, not the bundle (NativesCache)
        } catch (RuntimeException e) {
            throw new ModelBundleException(Kind.LOAD_FAILED, folder, null, e.getMessage(), e);
        }
        NDManager root = NDManager.newBaseManager(device, "PyTorch");
        List<Stage> stages = new ArrayList<>();
        try {
            for (Purpose p : chain(manifest)) {
                FileEntry f = manifest.file(p);
                stages.add(new Stage(p, f.path(), loadTorchScript(folder, f.path(), device, false)));
            }
            List<Shape> shapes = dryRun(folder, manifest, stages, root);
            checkCalibration(folder, manifest, stages, shapes, calibration);
            ModelBundle bundle = new ModelBundle(folder, manifest, verified.digest(), device, root, List.copyOf(stages),
                    shapes, calibration);
            LOG.info("Loaded model bundle {} {} ({}, {} classes{}) on {}", manifest.name(), manifest.version(),
                    manifest.role().name().toLowerCase(), manifest.classes().size(),
                    manifest.demo() ? ", demonstration model" : "", TorchRuntime.describe(device));
            return bundle;
        } catch (ModelBundleException | RuntimeException e) {
            stages.forEach(s -> s.model().close());
            root.close();
            throw e;
        }
    }

    /**
     * Checks a bundle's manifest and files (SHA-256) without starting PyTorch, e.g. to list models.
     *
     * @return the validated manifest
     */
    public static ModelManifest verify(Path dir) throws ModelBundleException {
        return BundleDigest.verify(dir).manifest();
    }

    /** The files in the order their stages run. */
    static List<Purpose> chain(ModelManifest manifest) {
        if (manifest.role() == Role.QUALITY) {
            return List.of(Purpose.MODEL);
        }
        return manifest.file(Purpose.INTERMEDIATE) != null
                ? List.of(Purpose.INTERMEDIATE, Purpose.FEATURES, Purpose.HEAD)
                : List.of(Purpose.FEATURES, Purpose.HEAD);
    }

    /**
     * Loads one TorchScript file. {@code trainable} loads it as DJL 0.36's {@code trainParam} option does,
     * for Grad-CAM's copies that record gradients.
     */
    static Model loadTorchScript(Path dir, String file, Device device, boolean trainable)
            throws ModelBundleException {
        Model model = Model.newInstance(file, device, "PyTorch");
        try {
            // mapLocation: a file traced on the CPU loads onto a GPU too.
            model.load(dir.resolve(file), null, trainable
                    ? Map.of("mapLocation", "true", "trainParam", "true")
                    : Map.of("mapLocation", "true"));
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelBundleException(Kind.LOAD_FAILED, dir, file,
                    "PyTorch cannot load it as TorchScript: " + e.getMessage(), e);
        }
    }

    /** Runs one blank tile through the chain; checks the shapes and returns each stage's output shape. */
    private static List<Shape> dryRun(Path dir, ModelManifest manifest, List<Stage> stages, NDManager root)
            throws ModelBundleException {
        int size = manifest.input().size();
        List<Shape> shapes = new ArrayList<>();
        try (NDManager m = root.newSubManager()) {
            NDList x = new NDList(m.zeros(new Shape(1, 3, size, size)));
            for (int i = 0; i < stages.size(); i++) {
                Stage s = stages.get(i);
                try {
                    x = s.model().getBlock().forward(new ParameterStore(m, false), x, false);
                } catch (RuntimeException e) {
                    throw new ModelBundleException(Kind.LOAD_FAILED, dir, s.file(), "fails on a " + size + "x"
                            + size + " input tile (" + (i == 0 ? "image" : "previous stage's output") + "): "
                            + firstLine(e.getMessage()), e);
                }
                if (x.size() != 1) {
                    throw new ModelBundleException(Kind.LOAD_FAILED, dir, s.file(),
                            "returns " + x.size() + " tensors; each stage must return exactly one");
                }
                Shape shape = x.head().getShape();
                boolean last = i == stages.size() - 1;
                if (!last && shape.dimension() != 4) {
                    throw new ModelBundleException(Kind.LOAD_FAILED, dir, s.file(), "returns shape " + shape
                            + ", not a feature map (N,C,H,W) as Grad-CAM needs");
                }
                shapes.add(shape);
            }
            Shape out = shapes.getLast();
            int classes = manifest.classes().size();
            if (out.dimension() != 2 || out.get(0) != 1 || out.get(1) != classes) {
                String detail = out.dimension() == 2 ? out.get(1) + " values per tile" : "shape " + out;
                throw new ModelBundleException(Kind.CLASS_COUNT_MISMATCH, dir, stages.getLast().file(),
                        "outputs " + detail + " but model.json lists " + classes + " classes "
                                + manifest.classes());
            }
        }
        return List.copyOf(shapes);
    }

    /** The domain check must read as many features as the model gives (the pooled features stage, or logits). */
    private static void checkCalibration(Path dir, ModelManifest manifest, List<Stage> stages, List<Shape> shapes,
            Optional<ModelCalibration> calibration) throws ModelBundleException {
        if (calibration.isEmpty() || calibration.get().domain() == null) {
            return;
        }
        int expected = featureCount(stages, shapes);
        int actual = calibration.get().domain().features();
        if (expected != actual) {
            throw new ModelBundleException(Kind.INVALID_FIELD, dir, ModelCalibration.FILE, "the domain check reads "
                    + actual + " features but the model gives " + expected + ": it was derived for another model");
        }
    }

    /** Channels of the features stage's output, or the logits' size for a single-file model. */
    private static int featureCount(List<Stage> stages, List<Shape> shapes) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).purpose() == Purpose.FEATURES) {
                return (int) shapes.get(i).get(1);
            }
        }
        return (int) shapes.getLast().get(1);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** The bundle folder (absolute). */
    public Path directory() {
        return directory;
    }

    /** The validated manifest. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** The bundle's {@code calibration.json}, when it has one. */
    public Optional<ModelCalibration> calibration() {
        return calibration;
    }

    /** The bundle's digest ({@link BundleDigest}): what results record as the model's SHA-256. */
    public String digest() {
        return digest;
    }

    /** The device the stages run on. */
    public Device device() {
        return device;
    }

    /**
     * Runs a batch through the whole chain and returns the softmax over the classes, row-major
     * (tiles x classes). One NDManager per call, closed before returning, so native memory stays bounded.
     */
    float[] probabilities(float[] nchw, int tiles) {
        int size = manifest.input().size();
        lock.lock();
        try (NDManager m = root.newSubManager()) {
            NDArray x = m.create(inputBuffer(nchw), new Shape(tiles, 3, size, size), DataType.FLOAT32);
            NDList out = forward(new NDList(x), 0, stages.size());
            float[] logits = out.head().toType(DataType.FLOAT32, false).toFloatArray();
            return softmaxRows(logits, manifest.classes().size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a batch through the whole chain and returns its logits and features, row-major: the features are the
     * features stage's output averaged over its spatial positions (the penultimate layer as the head sees it
     * before its classifier), or the logits for a single-file model. Same native-memory bound as
     * {@link #probabilities(float[], int)}.
     */
    TileOutputs outputs(float[] nchw, int tiles) {
        int size = manifest.input().size();
        int classes = manifest.classes().size();
        lock.lock();
        try (NDManager m = root.newSubManager()) {
            NDList x = new NDList(m.create(inputBuffer(nchw), new Shape(tiles, 3, size, size), DataType.FLOAT32));
            ParameterStore ps = new ParameterStore(m, false);
            float[] pooled = null;
            int k = classes;
            for (Stage stage : stages) {
                x = stage.model().getBlock().forward(ps, x, false);
                if (stage.purpose() == Purpose.FEATURES) {
                    // PyTorch's engine in DJL averages over one axis at a time.
                    NDArray mean = x.head().mean(new int[] {3}).mean(new int[] {2});
                    k = (int) mean.getShape().get(1);
                    pooled = mean.toType(DataType.FLOAT32, false).toFloatArray();
                }
            }
            float[] logits = x.head().toType(DataType.FLOAT32, false).toFloatArray();
            return TileOutputs.of(logits, classes, pooled == null ? logits : pooled, k, tiles);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The batch in a direct buffer that lives as long as the bundle (one batch's input, e.g. 19 MB for 32
     * tiles of 224 pixels). DJL would copy a float[] into a fresh direct buffer that only the garbage
     * collector frees, which a loop allocating little heap rarely triggers: measured +11 MiB of native heap
     * over 50 batches of 32 64-pixel tiles that way, none with this buffer. Reuse is safe because the tensor
     * made from it dies with the batch's NDManager, before the lock is released.
     */
    private ByteBuffer inputBuffer(float[] nchw) {
        int bytes = nchw.length * Float.BYTES;
        if (input == null || input.capacity() < bytes) {
            input = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        ByteBuffer view = input.slice(0, bytes).order(ByteOrder.nativeOrder());
        view.asFloatBuffer().put(nchw);
        return view;
    }

    /** Runs stages [from, to) in inference mode; outputs belong to the inputs' NDManager. */
    NDList forward(NDList input, int from, int to) {
        lock.lock();
        try {
            NDList x = input;
            ParameterStore ps = new ParameterStore(input.head().getManager(), false);
            for (int i = from; i < to; i++) {
                x = stages.get(i).model().getBlock().forward(ps, x, false);
            }
            return x;
        } finally {
            lock.unlock();
        }
    }

    /** The loaded stages in chain order. */
    List<Stage> stages() {
        return stages;
    }

    /** Output shape of each stage for one tile. */
    List<Shape> stageOutputs() {
        return stageOutputs;
    }

    /** A fresh sub-manager of this bundle's device manager; the caller closes it. */
    NDManager newBatchManager() {
        return root.newSubManager();
    }

    /** NDArrays alive under this bundle's manager (0 between batches); lets tests prove nothing leaks. */
    int liveArrays() {
        return root.getManagedArrays().size();
    }

    static float[] softmaxRows(float[] logits, int classes) {
        float[] out = new float[logits.length];
        for (int r = 0; r < logits.length / classes; r++) {
            int o = r * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[o + c]);
            }
            double sum = 0;
            double[] e = new double[classes];
            for (int c = 0; c < classes; c++) {
                e[c] = Math.exp(logits[o + c] - max);
                sum += e[c];
            }
            for (int c = 0; c < classes; c++) {
                out[o + c] = (float) (e[c] / sum);
            }
        }
        return out;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            stages.forEach(s -> s.model().close());
            root.close();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return manifest.name() + " " + manifest.version() + " (" + directory + ", " + TorchRuntime.describe(device)
                + ", stages " + Arrays.toString(stages.stream().map(Stage::file).toArray()) + ")";
    }
}
