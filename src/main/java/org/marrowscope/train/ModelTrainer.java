package org.marrowscope.train;

import ai.djl.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.ModelManifest.FileEntry;
import org.marrowscope.model.TilePreprocessor;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.slide.SlideException;

/**
 * Trains a bundle's stages on labelled tiles: renders the tile caches, resumes from the last finished epoch
 * when an interrupted run with the same inputs left one, runs the {@link TrainingLoop}, and leaves the best
 * epoch's weights in {@code work/checkpoints/best}.
 */
final class ModelTrainer {

    /**
     * What to train on.
     *
     * @param train training tiles and their class indices
     * @param validation validation tiles (checkpoint choice) and their class indices
     */
    record Data(List<TileSource> train, int[] trainLabels, List<TileSource> validation, int[] validationLabels) {
    }

    /**
     * A finished training.
     *
     * @param outcome the history and throughput
     * @param bestWeights folder holding the kept epoch's stage files
     * @param device where it ran
     * @param resumedEpochs epochs taken over from an interrupted run
     */
    record Trained(TrainingLoop.Outcome outcome, Path bestWeights, String device, int resumedEpochs) {
    }

    private ModelTrainer() {
    }

    /**
     * @param startFrom the bundle whose weights training starts from (an untrained template or a model)
     * @param work folder for checkpoints (a rerun with the same inputs resumes from them)
     * @param caches folder for tile caches (shareable between trainings on the same tiles)
     * @param threads threads rendering tiles into the caches
     * @param device "auto", "cpu", "gpu", "gpu:N", or null for the default
     */
    static Trained train(Path startFrom, Data data, Augmentation augmentation, TrainingSettings settings, Path work,
            Path caches, int threads, String device, TrainingListener listener, CancellationToken cancel)
            throws IOException, SlideException, ModelBundleException {
        ModelManifest start = ModelBundle.verify(startFrom);
        int size = start.input().size();
        CacheLayout trainLayout = augmentation.resamples()
                ? CacheLayout.withContext(size, 2, CacheLayout.ROTATION_CONTEXT) : CacheLayout.exact(size);
        CacheLayout exact = CacheLayout.exact(size);
        TileCache train = TileCache.open(caches, "train", data.train(), data.trainLabels(), trainLayout,
                start.input().resampling(), threads, (d, t) -> listener.onTask("Rendering training tiles", d, t), cancel);
        TileCache validation = TileCache.open(caches, "validation", data.validation(), data.validationLabels(), exact,
                start.input().resampling(), threads, (d, t) -> listener.onTask("Rendering validation tiles", d, t), cancel);
        try (train; validation) {
            Device dev = device == null ? TorchRuntime.preferredDevice() : TorchRuntime.device(device);
            List<String> files = TrainableChain.stageFiles(start);
            Path checkpoints = work.resolve("checkpoints");
            String key = key(start, data, augmentation, settings);
            TrainingState state = TrainingState.resume(checkpoints, key, files);
            if (!state.history().isEmpty()) {
                listener.onMessage("Resuming after epoch " + state.history().size() + " of an interrupted run ("
                        + checkpoints + ")");
            }
            Path weights = state.history().isEmpty() ? startFrom : checkpoints.resolve("last");
            TilePreprocessor preprocessor = new TilePreprocessor(start.input());
            try (TrainableChain chain = TrainableChain.load(weights, files, size, dev)) {
                TrainingLoop loop = new TrainingLoop(chain, settings,
                        new BatchMaker(train, new Augmenter(trainLayout, augmentation), preprocessor),
                        new BatchMaker(validation, new Augmenter(exact, Augmentation.NONE), preprocessor),
                        size, start.classes().size(), checkpoints, listener, cancel);
                TrainingLoop.Outcome outcome = loop.run(state, key);
                return new Trained(outcome, checkpoints.resolve("best"), TorchRuntime.describe(dev),
                        state.history().size());
            }
        }
    }

    /**
     * Class probabilities of tiles under trained weights, computed as inference computes them (eval mode, the
     * tiles resized by the model's own resampler), e.g. for a held-out test set.
     *
     * @param weights folder with the stage files
     */
    static float[][] probabilities(Path weights, ModelManifest start, String cacheName, List<TileSource> tiles,
            Path caches, int threads, String device, TrainingListener listener, CancellationToken cancel)
            throws IOException, SlideException {
        int size = start.input().size();
        CacheLayout exact = CacheLayout.exact(size);
        int[] none = new int[tiles.size()];
        try (TileCache cache = TileCache.open(caches, cacheName, tiles, none, exact,
                start.input().resampling(), threads, (d, t) -> listener.onTask("Rendering " + cacheName + " tiles", d, t),
                cancel)) {
            Device dev = device == null ? TorchRuntime.preferredDevice() : TorchRuntime.device(device);
            BatchMaker maker = new BatchMaker(cache, new Augmenter(exact, Augmentation.NONE),
                    new TilePreprocessor(start.input()));
            int classes = start.classes().size();
            float[][] out = new float[tiles.size()][];
            try (TrainableChain chain = TrainableChain.load(weights, TrainableChain.stageFiles(start), size, dev)) {
                for (int from = 0; from < tiles.size(); from += 32) {
                    cancel.throwIfCancelled();
                    int[] idx = java.util.stream.IntStream.range(from, Math.min(tiles.size(), from + 32)).toArray();
                    float[] logits = TrainingLoop.logits(chain, maker.make(idx, 0, 0), size);
                    for (int k = 0; k < idx.length; k++) {
                        out[idx[k]] = softmax(logits, k * classes, classes);
                    }
                }
            }
            return out;
        }
    }

    private static float[] softmax(float[] logits, int offset, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double sum = 0;
        double[] e = new double[classes];
        for (int c = 0; c < classes; c++) {
            e[c] = Math.exp(logits[offset + c] - max);
            sum += e[c];
        }
        float[] p = new float[classes];
        for (int c = 0; c < classes; c++) {
            p[c] = (float) (e[c] / sum);
        }
        return p;
    }

    /** Everything that defines a run: the starting weights, the tiles and labels, the settings. */
    private static String key(ModelManifest start, Data data, Augmentation augmentation, TrainingSettings settings) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (FileEntry f : start.files()) {
                sha.update((f.path() + "=" + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            sha.update((augmentation + "|" + settings + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < data.train().size(); i++) {
                sha.update(("T" + data.train().get(i) + "|" + data.trainLabels()[i] + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < data.validation().size(); i++) {
                sha.update(("V" + data.validation().get(i) + "|" + data.validationLabels()[i] + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
