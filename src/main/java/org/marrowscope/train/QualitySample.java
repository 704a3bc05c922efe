package org.marrowscope.train;

/**
 * A stage-1 training tile: its pixels and whether a reviewer called it good (usable monolayer) or poor.
 *
 * @param source where the tile is read from
 * @param good true for good quality, false for poor
 */
public record QualitySample(TileSource source, boolean good) {

    /** The label as label files write it. */
    public String label() {
        return good ? QualityLabels.GOOD : QualityLabels.POOR;
    }
}
