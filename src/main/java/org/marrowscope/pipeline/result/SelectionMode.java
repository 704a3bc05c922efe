package org.marrowscope.pipeline.result;

/** How the ROIs of a slide were chosen. */
public enum SelectionMode {
    /** 200 tiles drawn uniformly among those with p(good) >= 0.8 (the paper's rule). */
    HIGH_QUALITY,
    /** Fewer than 200 tiles reached 0.8: 200 drawn uniformly among those with p(good) >= 0.5. */
    FALLBACK_THRESHOLD,
    /**
     * A single microscope field with fewer candidate tiles than ROIs wanted: its tiles with p(good) >= 0.8, or
     * if none, those >= 0.5; at least half of its non-background tiles must reach 0.5.
     */
    FIELD_GOOD_TILES,
    /** Fewer than 200 tiles reached 0.5: the slide is not classifiable (a result, not an error). */
    NOT_CLASSIFIABLE
}
