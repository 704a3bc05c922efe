package org.marrowscope.synth.smear;

/**
 * What a region of a synthetic smear is, for the tile-quality stage: only GOOD regions are usable
 * monolayer; the others are what a hematologist rejects (paper, Stage 1).
 */
public enum QualityLabel {
    /** Thin, even monolayer with enough well-spread nucleated cells. */
    GOOD,
    /** Thick area: crowded, overlapping nuclei. */
    THICK,
    /** Too few nucleated cells. */
    SPARSE,
    /** Clusters of adipocytes (fat vacuoles). */
    FAT,
    /** Stain precipitate deposits. */
    PRECIPITATE,
    /** Out of focus. */
    BLUR,
    /** Bare glass: slide margins and gaps in the smear. */
    BACKGROUND;

    public boolean usable() {
        return this == GOOD;
    }
}
