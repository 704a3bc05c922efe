package org.marrowscope.pipeline;

/**
 * A progress report.
 *
 * @param done units done in this stage (tiles assessed, ROIs classified)
 * @param total units expected; for stage 1 with the early stop this is an upper bound (all candidates)
 * @param tilesPerSecond throughput of this stage so far
 * @param device where inference runs ("cpu", "gpu(0)")
 */
public record Progress(Stage stage, long done, long total, double tilesPerSecond, String device) {

    /** Receives progress; called from the pipeline's thread, so implementations hand off to their UI thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void onProgress(Progress progress);
    }
}
