package org.marrowscope.pipeline.result;

/** Wall-clock seconds per stage, and stage 1's throughput. */
public record Timings(double modelLoadingSeconds, double tissueMaskSeconds, double qualitySeconds,
        double classificationSeconds, double totalSeconds, double qualityTilesPerSecond,
        double classificationTilesPerSecond) {
}
