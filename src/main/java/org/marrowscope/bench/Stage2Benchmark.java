package org.marrowscope.bench;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.TilePreprocessor;
import org.marrowscope.model.TorchRuntime;

/**
 * Stage 2's cost against DJL's bare {@code predict}: our classifier goes from tile images to probabilities
 * (resampling, normalisation, the stage chain, softmax); the baseline is DJL's standard Predictor with a
 * no-op translator running the same TorchScript stages on the same batches, already as tensors.
 */
public final class Stage2Benchmark {

    /** Seconds for each way over the same batches. */
    public record Timing(double oursSeconds, double bareSeconds, int tiles) {
        public double overhead() {
            return oursSeconds / bareSeconds - 1;
        }
    }

    private Stage2Benchmark() {
    }

    public static Timing run(Path bundle, List<List<BufferedImage>> batches) throws Exception {
        TorchRuntime.engine();
        try (Classifier ours = Classifier.load(bundle)) {
            ModelManifest manifest = ours.bundle().manifest();
            TilePreprocessor pre = new TilePreprocessor(manifest.input());
            List<float[]> tensors = new ArrayList<>();
            for (List<BufferedImage> batch : batches) {
                tensors.add(pre.toTensor(batch));
            }
            List<String> chain = stageFiles(manifest);
            List<ZooModel<NDList, NDList>> models = new ArrayList<>();
            try {
                for (String file : chain) {
                    models.add(Criteria.builder().setTypes(NDList.class, NDList.class).optEngine("PyTorch")
                            .optModelPath(bundle.resolve(file)).optTranslator(new NoopTranslator()).build().loadModel());
                }
                // Warm both paths: PyTorch's graph executor specialises on the first calls.
                for (int i = 0; i < 3; i++) {
                    ours.probabilities(batches.getFirst());
                    bare(models, tensors.getFirst(), batches.getFirst().size(), pre.size());
                }
                int tiles = batches.stream().mapToInt(List::size).sum();
                double oursSeconds = 0;
                double bareSeconds = 0;
                // Alternate per batch so drift in machine load falls on both alike.
                for (int b = 0; b < batches.size(); b++) {
                    long t0 = System.nanoTime();
                    ours.probabilities(batches.get(b));
                    long t1 = System.nanoTime();
                    bare(models, tensors.get(b), batches.get(b).size(), pre.size());
                    long t2 = System.nanoTime();
                    oursSeconds += (t1 - t0) / 1e9;
                    bareSeconds += (t2 - t1) / 1e9;
                }
                return new Timing(oursSeconds, bareSeconds, tiles);
            } finally {
                models.forEach(Model::close);
            }
        }
    }

    private static void bare(List<ZooModel<NDList, NDList>> chain, float[] tensor, int n, int size) throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDList x = new NDList(manager.create(tensor, new Shape(n, 3, size, size)));
            for (ZooModel<NDList, NDList> m : chain) {
                try (Predictor<NDList, NDList> p = m.newPredictor()) {
                    x = p.predict(x);
                }
            }
            x.singletonOrThrow().softmax(1).toFloatArray();
        }
    }

    private static List<String> stageFiles(ModelManifest m) {
        List<String> out = new ArrayList<>();
        for (ModelManifest.Purpose p : List.of(ModelManifest.Purpose.INTERMEDIATE, ModelManifest.Purpose.FEATURES,
                ModelManifest.Purpose.HEAD)) {
            if (m.file(p) != null) {
                out.add(m.file(p).path());
            }
        }
        return out;
    }
}
