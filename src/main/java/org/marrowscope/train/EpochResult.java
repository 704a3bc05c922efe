package org.marrowscope.train;

/**
 * One finished epoch.
 *
 * @param epoch 1-based, counted over both phases
 * @param headOnly true in the head-only phase
 * @param trainLoss mean weighted loss over the epoch's steps
 * @param trainAccuracy fraction of the epoch's (augmented) training tiles classified right during training
 * @param validationLoss mean unweighted loss on the validation tiles
 * @param validationAccuracy fraction of validation tiles right
 * @param validationBalancedAccuracy mean per-class recall on the validation tiles
 * @param images training tiles processed
 * @param trainSeconds time spent in training steps (data preparation that was not hidden included)
 * @param best true when this epoch's checkpoint became the kept one
 */
public record EpochResult(int epoch, boolean headOnly, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double validationBalancedAccuracy, long images, double trainSeconds, boolean best) {

    /** Training tiles per second in this epoch. */
    public double imagesPerSecond() {
        return images / Math.max(1e-9, trainSeconds);
    }
}
