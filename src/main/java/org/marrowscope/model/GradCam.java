package org.marrowscope.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.marrowscope.model.ModelBundle.Stage;
import org.marrowscope.model.ModelBundleException.Kind;
import org.marrowscope.model.ModelManifest.Purpose;
import org.marrowscope.model.ModelManifest.Resampling;
import org.marrowscope.model.ModelManifest.Role;

/**
 * Grad-CAM (Selvaraju et al., 2017; the ROI view and the report's gallery show it) of a classifier bundle for any
 * tile and class, at the penultimate or the intermediate layer: with A_k the layer's feature maps and p_c the softmax
 * probability of class c, w_k = spatial mean of dp_c/dA_k, map = ReLU(sum_k w_k A_k), upsampled bilinearly to the
 * tile and divided by its maximum (all zeros when no location supports the class).
 *
 * <p>How the gradient is obtained (DJL 0.36 / PyTorch 2.7.1): DJL records gradients only through blocks
 * whose forward is called with {@code training=true} inside a {@link GradientCollector}. The stages up to the
 * chosen layer run on the bundle in inference mode; their output A is duplicated and marked as requiring a
 * gradient; the stages after the layer run from separately loaded copies (parameters frozen) called with
 * {@code training=true}, but with the TorchScript modules themselves held in eval mode, so dropout stays off
 * and batch norm uses its running statistics exactly as in classification. {@link #create} checks that the
 * copies compute the same outputs as the bundle's inference stages and refuses the bundle otherwise.
 *
 * <p>Thread-safe; calls are serialised on one JVM-wide lock because DJL allows one gradient collector at a
 * time. Does not own the bundle: close this, then the bundle.
 */
public final class GradCam implements AutoCloseable {

    /** The layer whose feature maps are weighted. */
    public enum Layer {
        /** The last feature map before the classifier head (output of {@code features}). */
        PENULTIMATE,
        /** The output of the {@code intermediate} stage. */
        INTERMEDIATE
    }

    private static final ReentrantLock COLLECTOR = new ReentrantLock();

    private final ModelBundle bundle;
    private final TilePreprocessor preprocessor;
    private final List<Model> trainable;
    private final int firstTrainable;

    /** Grad-CAM detail kept for tests: the layer's activations, their shape and the channel weights. */
    record Detail(GradCamMap map, float[] activations, long[] shape, float[] weights) {}

    private GradCam(ModelBundle bundle, List<Model> trainable, int firstTrainable) {
        this.bundle = bundle;
        this.preprocessor = new TilePreprocessor(bundle.manifest().input());
        this.trainable = trainable;
        this.firstTrainable = firstTrainable;
    }

    /**
     * Prepares Grad-CAM for a loaded classifier bundle: loads gradient-enabled copies of the stages after the
     * earliest Grad-CAM layer and checks that they compute what the bundle's inference stages compute.
     *
     * @throws ModelBundleException LOAD_FAILED when a copy cannot be loaded or computes something else
     */
    public static GradCam create(ModelBundle bundle) throws ModelBundleException {
        if (bundle.manifest().role() != Role.CLASSIFIER) {
            throw new IllegalArgumentException(bundle.manifest().name() + " is not a classifier");
        }
        List<Stage> stages = bundle.stages();
        int first = stages.getFirst().purpose() == Purpose.INTERMEDIATE ? 1 : stages.size() - 1;
        List<Model> copies = new ArrayList<>();
        try {
            for (Stage s : stages.subList(first, stages.size())) {
                copies.add(ModelBundle.loadTorchScript(bundle.directory(), s.file(), bundle.device(), true));
            }
            GradCam cam = new GradCam(bundle, List.copyOf(copies), first);
            cam.holdInEvalMode();
            cam.verifyCopies();
            return cam;
        } catch (ModelBundleException | RuntimeException e) {
            copies.forEach(Model::close);
            throw e;
        }
    }

    /**
     * DJL switches a TorchScript module to train() when forward's {@code training} flag differs from the
     * last call's, and the flag is also what turns autograd on. One priming call with {@code true} settles
     * DJL's flag; eval() afterwards then sticks, because later calls pass {@code true} again.
     */
    private void holdInEvalMode() {
        COLLECTOR.lock();
        try (NDManager m = bundle.newBatchManager()) {
            for (int i = firstTrainable; i < bundle.stages().size(); i++) {
                Block block = trainable.get(i - firstTrainable).getBlock();
                block.freezeParameters(true);
                NDArray x = m.zeros(bundle.stageOutputs().get(i - 1));
                block.forward(new ParameterStore(m, false), new NDList(x), true);
                JniUtils.enableInferenceMode((PtSymbolBlock) block);
            }
        } finally {
            COLLECTOR.unlock();
        }
    }

    /** Whether this bundle has the given layer (the intermediate one needs an intermediate stage). */
    public boolean supports(Layer layer) {
        return layer == Layer.PENULTIMATE || bundle.stages().getFirst().purpose() == Purpose.INTERMEDIATE;
    }

    /**
     * The Grad-CAM map of {@code tile} for class {@code classIndex} at {@code layer}, tile-sized.
     *
     * @param tile the ROI tile, any size (resized to the model input like for classification)
     * @param classIndex index into the bundle's classes
     * @param layer penultimate or intermediate
     */
    public GradCamMap compute(BufferedImage tile, int classIndex, Layer layer) {
        return computeDetail(tile, classIndex, layer).map();
    }

    Detail computeDetail(BufferedImage tile, int classIndex, Layer layer) {
        List<String> classes = bundle.manifest().classes();
        if (classIndex < 0 || classIndex >= classes.size()) {
            throw new IllegalArgumentException("class index " + classIndex + " outside 0.." + (classes.size() - 1));
        }
        if (!supports(layer)) {
            throw new IllegalArgumentException(bundle.manifest().name() + " has no intermediate Grad-CAM layer");
        }
        int size = preprocessor.size();
        float[] input = preprocessor.toTensor(List.of(tile));
        int split = split(layer);
        COLLECTOR.lock();
        try (NDManager m = bundle.newBatchManager()) {
            NDArray x = m.create(input, new Shape(1, 3, size, size));
            NDArray a = bundle.forward(new NDList(x), 0, split).head().duplicate();
            a.setRequiresGradient(true);
            float p;
            try (GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                NDArray prob = runTrainable(new NDList(a), split).softmax(1).get(0, classIndex);
                p = prob.toType(DataType.FLOAT32, false).getFloat();
                gc.backward(prob);
            }
            // DJL's PyTorch mean reduces one axis at a time.
            NDArray weights = a.getGradient().mean(new int[] {3}, true).mean(new int[] {2}, true);
            NDArray cam = a.mul(weights).sum(new int[] {1}).maximum(0f);
            long[] shape = a.getShape().getShape();
            GradCamMap map = toTileMap(floats(cam), (int) shape[3], (int) shape[2], tile, classIndex, layer, p);
            return new Detail(map, floats(a), shape, floats(weights));
        } finally {
            COLLECTOR.unlock();
        }
    }

    /** p_c from given activations of {@code layer}, through the bundle's inference stages (for tests). */
    float probabilityFrom(float[] activations, long[] shape, int classIndex, Layer layer) {
        try (NDManager m = bundle.newBatchManager()) {
            NDArray a = m.create(activations, new Shape(shape));
            NDArray logits = bundle.forward(new NDList(a), split(layer), bundle.stages().size()).head();
            float[] l = floats(logits);
            return ModelBundle.softmaxRows(l, l.length)[classIndex];
        }
    }

    private static float[] floats(NDArray array) {
        return array.toType(DataType.FLOAT32, false).toFloatArray();
    }

    private int split(Layer layer) {
        return layer == Layer.INTERMEDIATE ? 1 : bundle.stages().size() - 1;
    }

    private NDArray runTrainable(NDList x, int from) {
        ParameterStore ps = new ParameterStore(x.head().getManager(), false);
        NDList y = x;
        for (int i = from; i < bundle.stages().size(); i++) {
            y = trainable.get(i - firstTrainable).getBlock().forward(ps, y, true);
        }
        return y.head();
    }

    private GradCamMap toTileMap(float[] cam, int w, int h, BufferedImage tile, int classIndex, Layer layer,
                                 float probability) {
        float[] up = Resampler.resize(cam, w, h, tile.getWidth(), tile.getHeight(), Resampling.BILINEAR);
        float max = 0;
        for (float v : up) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int i = 0; i < up.length; i++) {
                up[i] /= max;
            }
        }
        return new GradCamMap(layer, classIndex, bundle.manifest().classes().get(classIndex), probability,
                tile.getWidth(), tile.getHeight(), up);
    }

    /** Runs positive random activations through the copies and the inference stages and compares. */
    void verifyCopies() throws ModelBundleException {
        Shape shape = bundle.stageOutputs().get(firstTrainable - 1);
        float[] data = new float[(int) shape.size()];
        // Any positive activations do; a fixed seed keeps a failure reproducible.
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        COLLECTOR.lock();
        try (NDManager m = bundle.newBatchManager()) {
            NDArray a = m.create(data, shape);
            for (int i = firstTrainable; i < bundle.stages().size(); i++) {
                float[] eval = floats(bundle.forward(new NDList(a), i, i + 1).head());
                NDArray copy = trainable.get(i - firstTrainable).getBlock()
                        .forward(new ParameterStore(m, false), new NDList(a), true).head();
                float[] grad = floats(copy);
                double scale = 1e-6;
                double diff = 0;
                for (int k = 0; k < eval.length; k++) {
                    scale = Math.max(scale, Math.abs(eval[k]));
                    diff = Math.max(diff, Math.abs(eval[k] - grad[k]));
                }
                if (diff > 1e-4 * scale) {
                    throw new ModelBundleException(Kind.LOAD_FAILED, bundle.directory(), bundle.stages().get(i).file(),
                            "computes something else when run with gradients (max difference " + (float) diff
                                    + "), so Grad-CAM would explain another function than the classifier's");
                }
                a = copy;
            }
        } finally {
            COLLECTOR.unlock();
        }
    }

    /** The gradient-enabled copies, in chain order (for tests). */
    List<Model> copies() {
        return trainable;
    }

    @Override
    public void close() {
        COLLECTOR.lock();
        try {
            trainable.forEach(Model::close);
        } finally {
            COLLECTOR.unlock();
        }
    }
}
