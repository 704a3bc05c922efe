package org.marrowscope.pipeline.result;

/**
 * Stage 1's counts, kept in the result so "not classifiable" can say why.
 *
 * @param gridTiles tiles on the whole grid
 * @param prunedAsGlass tiles the low-resolution tissue mask ruled out
 */
public record SelectionSummary(SelectionMode mode, int gridTiles, int prunedAsGlass, int candidates, int assessed,
        int background, int atHigh, int atLow, boolean exhaustive) {
}
