package org.marrowscope.synth.tiff;

/**
 * Told after each tile is written, on the writing thread, so a UI or a progress bar can follow a
 * long write. Interrupting the writing thread from here (or from anywhere) cancels the write.
 */
@FunctionalInterface
public interface WriteProgress {

    /** For callers that do not follow progress. */
    WriteProgress NONE = (tilesDone, tilesTotal) -> { };

    /**
     * @param tilesDone tiles written so far, over all pyramid levels
     * @param tilesTotal tiles the finished file holds, over all pyramid levels
     */
    void tilesWritten(long tilesDone, long tilesTotal);
}
