package org.marrowscope.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.ModelManifest.Purpose;
import org.marrowscope.model.ModelManifest.Role;
import org.marrowscope.model.TorchRuntime;

/**
 * A bundle's TorchScript stages loaded with trainable parameters (DJL 0.36 loads TorchScript for training with the
 * option {@code trainParam=true}), in chain order: {@code model.pt} for a quality model, {@code intermediate.pt},
 * {@code features.pt}, {@code head.pt} for a classifier.
 *
 * <p>DJL switches a TorchScript module between train() and eval() when a forward call's {@code training}
 * flag differs from the previous call's, and that flag also decides whether autograd records the call. The
 * chain therefore settles every stage in eval mode once when loaded, and afterwards always passes the flag it
 * means: frozen stages run with {@code false} (eval mode, no gradients, batch norm on its running
 * statistics), trained stages with {@code true} (train mode: batch statistics, running statistics updated).
 * Saved files are written in eval mode with {@code JniUtils.writeModule}, so they load as any exported model.
 */
final class TrainableChain implements AutoCloseable {

    private final List<Model> stages;
    private final List<String> files;
    private final NDManager root;

    private TrainableChain(List<Model> stages, List<String> files, NDManager root) {
        this.stages = stages;
        this.files = files;
        this.root = root;
    }

    /** The stage files of a manifest, in the order they run. */
    static List<String> stageFiles(ModelManifest manifest) {
        List<Purpose> order = manifest.role() == Role.QUALITY ? List.of(Purpose.MODEL)
                : manifest.file(Purpose.INTERMEDIATE) != null ? List.of(Purpose.INTERMEDIATE, Purpose.FEATURES, Purpose.HEAD)
                : List.of(Purpose.FEATURES, Purpose.HEAD);
        return order.stream().map(p -> manifest.file(p).path()).toList();
    }

    /**
     * Loads the stage files from {@code folder} (a bundle or a checkpoint holding the same file names) and
     * settles them in eval mode with one dummy tile.
     */
    static TrainableChain load(Path folder, List<String> files, int inputSize, Device device) throws IOException {
        TorchRuntime.engine();
        NDManager root = NDManager.newBaseManager(device, "PyTorch");
        List<Model> stages = new ArrayList<>();
        try {
            for (String f : files) {
                Model model = Model.newInstance(f, device, "PyTorch");
                stages.add(model);
                try {
                    model.load(folder.resolve(f), null, Map.of("mapLocation", "true", "trainParam", "true"));
                } catch (MalformedModelException | RuntimeException e) {
                    throw new IOException(folder.resolve(f) + ": PyTorch cannot load it for training: " + e.getMessage(), e);
                }
            }
            TrainableChain chain = new TrainableChain(List.copyOf(stages), List.copyOf(files), root);
            try (NDManager m = root.newSubManager()) {
                chain.forward(new NDList(m.zeros(new Shape(1, 3, inputSize, inputSize))), stages.size(), false);
            }
            return chain;
        } catch (IOException | RuntimeException e) {
            stages.forEach(Model::close);
            root.close();
            throw e;
        }
    }

    int stageCount() {
        return stages.size();
    }

    /** A fresh sub-manager for one batch; the caller closes it. */
    NDManager newBatchManager() {
        return root.newSubManager();
    }

    /**
     * Runs the chain: the first {@code frozen} stages in eval mode without gradients, the rest with
     * {@code training}. Outputs belong to the input's manager.
     */
    NDArray forward(NDList input, int frozen, boolean training) {
        ParameterStore ps = new ParameterStore(input.head().getManager(), false);
        NDList x = input;
        for (int i = 0; i < stages.size(); i++) {
            x = stages.get(i).getBlock().forward(ps, x, i >= frozen && training);
        }
        return x.head();
    }

    /** Freezes the first {@code frozen} stages' parameters and unfreezes the others. */
    void freeze(int frozen) {
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).getBlock().freezeParameters(i < frozen);
        }
    }

    /** Applies one optimiser step to every parameter of the stages after the first {@code frozen}. */
    void update(Optimizer optimizer, int frozen) {
        for (int i = frozen; i < stages.size(); i++) {
            Block block = stages.get(i).getBlock();
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray weight = p.getValue().getArray();
                if (weight.hasGradient()) {
                    // Sgd.update applies the step and zeroes the gradient (PyTorch accumulates otherwise).
                    optimizer.update(files.get(i) + "/" + p.getKey(), weight, weight.getGradient());
                }
            }
        }
    }

    /**
     * Writes every stage to {@code folder} under its file name, in eval mode. The files are written to a
     * sibling folder first and swapped in, so {@code folder} always holds one epoch's complete set of stages.
     */
    void save(Path folder) throws IOException {
        Path partial = folder.resolveSibling(folder.getFileName() + ".partial");
        BundleWriter.deleteTree(partial);
        Files.createDirectories(partial);
        for (int i = 0; i < stages.size(); i++) {
            PtSymbolBlock block = (PtSymbolBlock) stages.get(i).getBlock();
            // A dummy call with training=false puts the module in eval mode through DJL itself, so DJL's flag and
            // the module agree and the next training call switches it back to train mode.
            try (NDManager m = root.newSubManager()) {
                block.forward(new ParameterStore(m, false), new NDList(m.zeros(inputShape(i))), false);
            }
            try (OutputStream out = Files.newOutputStream(partial.resolve(files.get(i)))) {
                JniUtils.writeModule(block, out, false);
            }
        }
        Path old = folder.resolveSibling(folder.getFileName() + ".old");
        BundleWriter.deleteTree(old);
        if (Files.exists(folder)) {
            Files.move(folder, old, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(partial, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        BundleWriter.deleteTree(old);
    }

    /** The one-tile input shape a stage saw in the dry run at load. */
    private Shape inputShape(int stage) {
        return stages.get(stage).getBlock().describeInput().get(0).getValue();
    }

    @Override
    public void close() {
        stages.forEach(Model::close);
        root.close();
    }
}
