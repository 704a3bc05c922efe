package org.marrowscope.pipeline;

/**
 * Stage 1's parameters, with the paper's defaults.
 *
 * @param roiCount ROIs per slide (200)
 * @param highThreshold first threshold on p(good) (0.8)
 * @param lowThreshold fallback threshold (0.5)
 * @param seed seed of the random visiting order and of the fallback draw; same seed, same ROIs
 * @param batchSize tiles per model batch
 * @param exhaustive score every tile before drawing, as the paper did (the benchmark's baseline); the early
 *     stop draws from the same distribution and is the default
 */
public record SelectionSettings(int roiCount, double highThreshold, double lowThreshold, long seed, int batchSize,
        boolean exhaustive) {

    public static final SelectionSettings PAPER = new SelectionSettings(200, 0.8, 0.5, 1, 32, false);

    public SelectionSettings {
        if (roiCount <= 0) {
            throw new IllegalArgumentException("ROI count must be positive, got " + roiCount);
        }
        if (!(lowThreshold >= 0 && lowThreshold <= highThreshold && highThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= low <= high <= 1, got " + lowThreshold
                    + " and " + highThreshold);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
    }

    public SelectionSettings withSeed(long value) {
        return new SelectionSettings(roiCount, highThreshold, lowThreshold, value, batchSize, exhaustive);
    }

    public SelectionSettings withRoiCount(int value) {
        return new SelectionSettings(value, highThreshold, lowThreshold, seed, batchSize, exhaustive);
    }

    public SelectionSettings withBatchSize(int value) {
        return new SelectionSettings(roiCount, highThreshold, lowThreshold, seed, value, exhaustive);
    }

    public SelectionSettings withExhaustive(boolean value) {
        return new SelectionSettings(roiCount, highThreshold, lowThreshold, seed, batchSize, value);
    }
}
