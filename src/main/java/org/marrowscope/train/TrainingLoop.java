package org.marrowscope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.train.BatchMaker.Batch;
import org.marrowscope.train.TrainingSettings.CheckpointMetric;

/**
 * The training loop: epochs of SGD steps on augmented, shuffled training tiles with a class-weighted softmax
 * cross-entropy, first the head alone (feature stages frozen, in eval mode), then the whole network; after
 * each epoch the validation tiles are classified as inference would, and the best epoch's weights are kept.
 *
 * <p>After every epoch the weights ({@code last/}), the best weights ({@code best/}) and the history
 * ({@link TrainingState}) are written to the checkpoint folder, so a run stopped at any point (Ctrl+C, a
 * crash) resumes from its last finished epoch. Cancellation is checked between steps.
 */
final class TrainingLoop {

    /**
     * What a run produced.
     *
     * @param history every epoch, both phases
     * @param bestEpoch the epoch kept (its weights are in {@code best/})
     * @param images training tiles processed in this run and the resumed ones
     * @param trainSeconds time in training steps
     * @param seconds wall-clock time, validation included
     */
    record Outcome(List<EpochResult> history, int bestEpoch, long images, double trainSeconds, double seconds) {

        double imagesPerSecond() {
            return images / Math.max(1e-9, trainSeconds);
        }

        EpochResult best() {
            return history.get(bestEpoch - 1);
        }
    }

    private final TrainableChain chain;
    private final TrainingSettings settings;
    private final BatchMaker training;
    private final BatchMaker validation;
    private final int inputSize;
    private final int classes;
    private final Path checkpoints;
    private final TrainingListener listener;
    private final CancellationToken cancel;

    TrainingLoop(TrainableChain chain, TrainingSettings settings, BatchMaker training, BatchMaker validation,
            int inputSize, int classes, Path checkpoints, TrainingListener listener, CancellationToken cancel) {
        if (training.cache().size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 tiles, got " + training.cache().size());
        }
        if (validation.cache().size() == 0) {
            throw new IllegalArgumentException("training needs validation tiles to choose the checkpoint");
        }
        if (settings.headEpochs() > 0 && chain.stageCount() < 2) {
            throw new IllegalArgumentException("a head-only phase needs a model split into feature stages and a head;"
                    + " this model is one file: use 0 head epochs");
        }
        this.chain = chain;
        this.settings = settings;
        this.training = training;
        this.validation = validation;
        this.inputSize = inputSize;
        this.classes = classes;
        this.checkpoints = checkpoints;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** Runs the remaining epochs after {@code resumed} (empty for a fresh run). */
    Outcome run(TrainingState resumed, String key) throws IOException {
        long start = System.nanoTime();
        List<EpochResult> history = new ArrayList<>(resumed.history());
        int bestEpoch = resumed.bestEpoch();
        double best = bestEpoch > 0 ? metric(history.get(bestEpoch - 1)) : Double.NEGATIVE_INFINITY;
        double[] weights = classWeights();
        int total = settings.headEpochs() + settings.epochs();
        ExecutorService prep = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "marrowscope-batch-prep");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int epoch = history.size() + 1; epoch <= total; epoch++) {
                boolean headOnly = epoch <= settings.headEpochs();
                int frozen = headOnly ? chain.stageCount() - 1 : 0;
                chain.freeze(frozen);
                // A fresh optimiser per epoch keeps the resumed and the uninterrupted run identical; momentum
                // restarts each epoch, which over hundreds of steps per epoch changes little.
                Optimizer optimizer = Optimizer.sgd()
                        .setLearningRateTracker(Tracker.fixed((float) (headOnly ? settings.headLearningRate()
                                : settings.learningRate())))
                        .optMomentum((float) settings.momentum()).build();
                EpochResult r = epoch(epoch, total, headOnly, frozen, optimizer, weights, prep);
                boolean improved = metric(r) > best;
                if (improved) {
                    best = metric(r);
                    bestEpoch = epoch;
                    chain.save(checkpoints.resolve("best"));
                }
                r = new EpochResult(r.epoch(), r.headOnly(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
                        r.validationAccuracy(), r.validationBalancedAccuracy(), r.images(), r.trainSeconds(), improved);
                history.add(r);
                chain.save(checkpoints.resolve("last"));
                new TrainingState(key, history, bestEpoch).write(checkpoints);
                listener.onEpoch(r);
            }
        } finally {
            prep.shutdownNow();
        }
        long images = history.stream().mapToLong(EpochResult::images).sum();
        double trainSeconds = history.stream().mapToDouble(EpochResult::trainSeconds).sum();
        return new Outcome(List.copyOf(history), bestEpoch, images, trainSeconds, (System.nanoTime() - start) / 1e9);
    }

    private double metric(EpochResult r) {
        return settings.checkpointMetric() == CheckpointMetric.ACCURACY ? r.validationAccuracy()
                : r.validationBalancedAccuracy();
    }

    /** Inverse class frequency, normalised so that a balanced set has weight 1 per class (N / (K n_c)). */
    double[] classWeights() {
        double[] w = new double[classes];
        if (!settings.classWeights()) {
            java.util.Arrays.fill(w, 1);
            return w;
        }
        int[] counts = new int[classes];
        TileCache cache = training.cache();
        for (int i = 0; i < cache.size(); i++) {
            counts[cache.label(i)]++;
        }
        int present = (int) java.util.Arrays.stream(counts).filter(c -> c > 0).count();
        for (int c = 0; c < classes; c++) {
            w[c] = counts[c] == 0 ? 0 : (double) cache.size() / (present * counts[c]);
        }
        return w;
    }

    private EpochResult epoch(int epoch, int total, boolean headOnly, int frozen, Optimizer optimizer, double[] weights,
            ExecutorService prep) throws IOException {
        int n = training.cache().size();
        int[] order = permutation(n, new SplittableRandom(BatchMaker.mix(settings.seed(), epoch, -1)));
        List<int[]> all = new ArrayList<>();
        for (int from = 0; from < n; from += settings.batchSize()) {
            int size = Math.min(settings.batchSize(), n - from);
            // Batch norm cannot train on a single tile; a lone last tile waits for the next epoch's order.
            if (size >= 2) {
                all.add(java.util.Arrays.copyOfRange(order, from, from + size));
            }
        }
        List<int[]> batches = settings.maxStepsPerEpoch() > 0 && all.size() > settings.maxStepsPerEpoch()
                ? all.subList(0, settings.maxStepsPerEpoch()) : all;
        listener.onEpochStart(epoch, total, headOnly, batches.size());
        double lossSum = 0;
        long right = 0;
        long images = 0;
        long start = System.nanoTime();
        Future<Batch> next = prep.submit(() -> training.make(batches.getFirst(), settings.seed(), epoch));
        for (int step = 0; step < batches.size(); step++) {
            cancel.throwIfCancelled();
            Batch batch = await(next);
            if (step + 1 < batches.size()) {
                int[] following = batches.get(step + 1);
                next = prep.submit(() -> training.make(following, settings.seed(), epoch));
            }
            float[] logits = new float[batch.size() * classes];
            lossSum += step(batch, frozen, optimizer, weights, logits);
            right += correct(logits, batch.labels());
            images += batch.size();
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.onStep(step + 1, batches.size(), lossSum / (step + 1), (double) right / images, images / seconds);
        }
        recalibrateBatchNorm(batches, frozen, epoch, prep);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double[] val = validate();
        return new EpochResult(epoch, headOnly, lossSum / batches.size(), (double) right / images, val[0], val[1], val[2],
                images, trainSeconds, false);
    }

    /**
     * Re-estimates batch norm's running statistics for the epoch's final weights ("precise BN"): forward passes in
     * training mode without gradients or updates over the first {@value #RECALIBRATION_BATCHES} batches of the
     * epoch. Running statistics are an average with momentum 0.1 over batches seen while the weights kept
     * changing; at a high learning rate they lag behind enough that eval mode (validation, inference) sees
     * activations on another scale than training did, and predictions swing from epoch to epoch.
     */
    private void recalibrateBatchNorm(List<int[]> batches, int frozen, int epoch, ExecutorService prep)
            throws IOException {
        int n = Math.min(RECALIBRATION_BATCHES, batches.size());
        Future<Batch> next = prep.submit(() -> training.make(batches.getFirst(), settings.seed(), epoch));
        for (int i = 0; i < n; i++) {
            cancel.throwIfCancelled();
            Batch batch = await(next);
            if (i + 1 < n) {
                int[] following = batches.get(i + 1);
                next = prep.submit(() -> training.make(following, settings.seed(), epoch));
            }
            try (NDManager m = chain.newBatchManager()) {
                NDArray x = m.create(batch.input(), new Shape(batch.size(), 3, inputSize, inputSize));
                chain.forward(new NDList(x), frozen, true);
            }
        }
    }

    /** Batches of the epoch re-run to settle batch norm's running statistics (momentum 0.1: 0.9^30 = 4% left). */
    static final int RECALIBRATION_BATCHES = 30;

    /** One SGD step; fills {@code logitsOut} and returns the batch's weighted loss. */
    private double step(Batch batch, int frozen, Optimizer optimizer, double[] classWeights, float[] logitsOut) {
        int n = batch.size();
        float[] sampleWeights = new float[n];
        for (int i = 0; i < n; i++) {
            sampleWeights[i] = (float) classWeights[batch.labels()[i]];
        }
        try (NDManager m = chain.newBatchManager()) {
            NDArray x = m.create(batch.input(), new Shape(n, 3, inputSize, inputSize));
            NDArray oneHot = m.create(batch.labels()).oneHot(classes);
            NDArray w = m.create(sampleWeights);
            NDArray logits;
            NDArray loss;
            try (GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                logits = chain.forward(new NDList(x), frozen, true);
                // Weighted softmax cross-entropy, Keras' class_weight semantics: mean over the batch of
                // w[y_i] * -log p(y_i). DJL's SoftmaxCrossEntropyLoss takes one weight for all classes only.
                loss = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mul(w).mean().neg();
                gc.backward(loss);
            }
            chain.update(optimizer, frozen);
            System.arraycopy(logits.toType(DataType.FLOAT32, false).toFloatArray(), 0, logitsOut, 0, logitsOut.length);
            return loss.toType(DataType.FLOAT32, false).getFloat();
        }
    }

    /** Loss, accuracy and balanced accuracy on the validation tiles, run as inference runs (eval mode). */
    double[] validate() {
        TileCache cache = validation.cache();
        int n = cache.size();
        int[] perClass = new int[classes];
        int[] rightPerClass = new int[classes];
        double loss = 0;
        for (int from = 0; from < n; from += settings.batchSize()) {
            cancel.throwIfCancelled();
            int[] idx = java.util.stream.IntStream.range(from, Math.min(n, from + settings.batchSize())).toArray();
            Batch batch = validation.make(idx, settings.seed(), 0);
            float[] logits = logits(batch);
            for (int i = 0; i < batch.size(); i++) {
                int y = batch.labels()[i];
                perClass[y]++;
                int predicted = argmax(logits, i * classes, classes);
                if (predicted == y) {
                    rightPerClass[y]++;
                }
                loss -= logSoftmax(logits, i * classes, classes, y);
            }
        }
        int right = 0;
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            right += rightPerClass[c];
            if (perClass[c] > 0) {
                recallSum += (double) rightPerClass[c] / perClass[c];
                present++;
            }
        }
        return new double[] {loss / n, (double) right / n, recallSum / present};
    }

    private float[] logits(Batch batch) {
        return logits(chain, batch, inputSize);
    }

    /** Logits of a batch through the whole chain in eval mode (as inference runs it), row-major. */
    static float[] logits(TrainableChain chain, Batch batch, int inputSize) {
        try (NDManager m = chain.newBatchManager()) {
            NDArray x = m.create(batch.input(), new Shape(batch.size(), 3, inputSize, inputSize));
            return chain.forward(new NDList(x), chain.stageCount(), false).toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    private static long correct(float[] logits, int[] labels) {
        int classes = logits.length / labels.length;
        long right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argmax(logits, i * classes, classes) == labels[i]) {
                right++;
            }
        }
        return right;
    }

    static int argmax(float[] v, int offset, int length) {
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (v[offset + c] > v[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    private static double logSoftmax(float[] v, int offset, int length, int index) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < length; c++) {
            max = Math.max(max, v[offset + c]);
        }
        double sum = 0;
        for (int c = 0; c < length; c++) {
            sum += Math.exp(v[offset + c] - max);
        }
        return v[offset + index] - max - Math.log(sum);
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = java.util.stream.IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static Batch await(Future<Batch> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("training interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
