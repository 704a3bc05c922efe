package org.marrowscope.train;

/**
 * How a model is trained. The defaults follow the paper's stage 2: SGD, the new head alone first at learning
 * rate 0.005, then the whole network at 0.0005 for up to 35 epochs, keeping the checkpoint with the best
 * validation accuracy; batches of 32 (Keras' default, the paper's framework).
 *
 * @param batchSize tiles per step
 * @param headEpochs epochs training only the last stage (the head), the feature stages frozen; 0 skips the phase
 * @param epochs epochs training every stage
 * @param headLearningRate SGD learning rate of the head-only phase
 * @param learningRate SGD learning rate of the whole-network phase
 * @param momentum SGD momentum (0 is plain SGD)
 * @param seed seed of the epoch order and of every augmentation draw
 * @param maxStepsPerEpoch cap on steps per epoch (0: the whole training set), for quick checks
 * @param checkpointMetric the validation metric that chooses the kept checkpoint
 * @param classWeights weigh each class's loss inversely to its number of training tiles
 */
public record TrainingSettings(int batchSize, int headEpochs, int epochs, double headLearningRate, double learningRate,
        double momentum, long seed, int maxStepsPerEpoch, CheckpointMetric checkpointMetric, boolean classWeights) {

    /** What decides the best checkpoint. */
    public enum CheckpointMetric {
        /** Fraction of validation tiles right (the paper's choice for stage 2). */
        ACCURACY,
        /** Mean per-class recall: fairer when one class dominates, as good tiles do in stage 1. */
        BALANCED_ACCURACY
    }

    public static final TrainingSettings PAPER = new TrainingSettings(32, 1, 35, 0.005, 0.0005, 0.9, 1, 0,
            CheckpointMetric.ACCURACY, true);

    public TrainingSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (headEpochs < 0 || epochs < 0 || headEpochs + epochs == 0) {
            throw new IllegalArgumentException("epochs must be >= 0 and not both 0, got head " + headEpochs
                    + ", whole network " + epochs);
        }
        if (!(headLearningRate > 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException("learning rates must be positive");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (maxStepsPerEpoch < 0) {
            throw new IllegalArgumentException("steps per epoch must be >= 0, got " + maxStepsPerEpoch);
        }
    }

    public TrainingSettings withEpochs(int head, int whole) {
        return new TrainingSettings(batchSize, head, whole, headLearningRate, learningRate, momentum, seed,
                maxStepsPerEpoch, checkpointMetric, classWeights);
    }

    public TrainingSettings withLearningRates(double head, double whole) {
        return new TrainingSettings(batchSize, headEpochs, epochs, head, whole, momentum, seed, maxStepsPerEpoch,
                checkpointMetric, classWeights);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(value, headEpochs, epochs, headLearningRate, learningRate, momentum, seed,
                maxStepsPerEpoch, checkpointMetric, classWeights);
    }

    public TrainingSettings withMomentum(double value) {
        return new TrainingSettings(batchSize, headEpochs, epochs, headLearningRate, learningRate, value, seed,
                maxStepsPerEpoch, checkpointMetric, classWeights);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(batchSize, headEpochs, epochs, headLearningRate, learningRate, momentum, value,
                maxStepsPerEpoch, checkpointMetric, classWeights);
    }

    public TrainingSettings withMaxStepsPerEpoch(int value) {
        return new TrainingSettings(batchSize, headEpochs, epochs, headLearningRate, learningRate, momentum, seed,
                value, checkpointMetric, classWeights);
    }

    public TrainingSettings withClassWeights(boolean value) {
        return new TrainingSettings(batchSize, headEpochs, epochs, headLearningRate, learningRate, momentum, seed,
                maxStepsPerEpoch, checkpointMetric, value);
    }

    public TrainingSettings withCheckpointMetric(CheckpointMetric value) {
        return new TrainingSettings(batchSize, headEpochs, epochs, headLearningRate, learningRate, momentum, seed,
                maxStepsPerEpoch, value, classWeights);
    }
}
