package org.marrowscope.train;

/** Receives training progress (on the training thread). */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() { };

    /** A phase of work other than an epoch, e.g. "rendering training tiles", with its progress. */
    default void onTask(String task, long done, long total) {
    }

    /** An epoch starts. */
    default void onEpochStart(int epoch, int epochs, boolean headOnly, int steps) {
    }

    /** A step finished: running means over the epoch so far. */
    default void onStep(int step, int steps, double meanLoss, double accuracy, double imagesPerSecond) {
    }

    /** An epoch finished (validated and, if best, checkpointed). */
    default void onEpoch(EpochResult result) {
    }

    /** A line of information worth showing (skipped slides, resumed runs). */
    default void onMessage(String message) {
    }
}
