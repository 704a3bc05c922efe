package org.marrowscope.cli;

import org.marrowscope.train.TrainingSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The training options every `train` subcommand shares; defaults are the paper's stage-2 schedule. */
final class TrainingOptions {

    @Option(names = "--head-epochs", paramLabel = "N", description = "Epochs training only the new head, the feature"
            + " stages frozen (default: ${DEFAULT-VALUE}; 0 skips; a one-file quality model has no separate head).")
    Integer headEpochs;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs training the whole network (paper: up to 35).")
    Integer epochs;

    @Option(names = "--head-lr", paramLabel = "RATE", description = "SGD learning rate of the head-only phase (paper: 0.005).")
    Double headLearningRate;

    @Option(names = "--lr", paramLabel = "RATE", description = "SGD learning rate of the whole-network phase (paper: 0.0005).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum (default 0.9; 0 for plain SGD).")
    Double momentum;

    @Option(names = "--batch", paramLabel = "N", description = "Tiles per step (default 32).")
    Integer batch;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the epoch order and of the augmentation (default 1).")
    Long seed;

    @Option(names = "--steps-per-epoch", paramLabel = "N", description = "At most N steps per epoch (quick checks; default: all).")
    Integer stepsPerEpoch;

    @Option(names = "--class-weights", negatable = true, description = "Weigh each class's loss inversely to its"
            + " number of training tiles (default: on for stage 2, as in the paper; off for stage 1).")
    Boolean classWeights;

    @Option(names = "--colour-jitter", paramLabel = "J", description = "Random brightness, contrast and saturation"
            + " changes of up to +-J (e.g. 0.15; default: stage 1 0.1, stage 2 0 as in the paper).")
    Double colourJitter;

    @Option(names = "--hue-jitter", paramLabel = "DEG", description = "Random hue rotation of up to +-DEG degrees"
            + " (default: stage 1 5, stage 2 0 as in the paper).")
    Double hueJitter;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for tile caches and checkpoints; rerunning with"
            + " the same inputs resumes from the last finished epoch (default: OUT.work beside the output).")
    java.nio.file.Path work;

    @Mixin
    RunOptions.Threads threads;

    @Mixin
    RunOptions.TorchThreads torchThreads;

    @Mixin
    RunOptions.Device device;

    @Mixin
    RunOptions.Progress progress;

    /** Applies the options over {@code defaults}. */
    TrainingSettings settings(TrainingSettings defaults) {
        TrainingSettings s = defaults.withEpochs(headEpochs != null ? headEpochs : defaults.headEpochs(),
                epochs != null ? epochs : defaults.epochs());
        s = s.withLearningRates(headLearningRate != null ? headLearningRate : s.headLearningRate(),
                learningRate != null ? learningRate : s.learningRate());
        if (momentum != null) {
            s = s.withMomentum(momentum);
        }
        if (batch != null) {
            s = s.withBatchSize(batch);
        }
        if (seed != null) {
            s = s.withSeed(seed);
        }
        if (stepsPerEpoch != null) {
            s = s.withMaxStepsPerEpoch(stepsPerEpoch);
        }
        if (classWeights != null) {
            s = s.withClassWeights(classWeights);
        }
        return s;
    }

    /** {@code defaults} with the colour options applied. */
    org.marrowscope.train.Augmentation augmentation(org.marrowscope.train.Augmentation defaults) {
        return defaults.withColour(colourJitter != null ? colourJitter : defaults.colourJitter(),
                hueJitter != null ? hueJitter : defaults.hueJitter());
    }

    int threads() {
        return threads.count();
    }

    java.nio.file.Path work(java.nio.file.Path out) {
        return work != null ? work : out.resolveSibling(out.getFileName() + ".work");
    }
}
