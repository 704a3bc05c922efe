package org.marrowscope.service;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.marrowscope.pipeline.CancellationToken;

/** A submitted run: its outcome when done, and a cancel that stops it within one batch. */
public final class ClassifyJob {

    private final Path slide;
    private final CancellationToken cancellation = new CancellationToken();
    private final CompletableFuture<ClassificationOutcome> outcome = new CompletableFuture<>();

    ClassifyJob(Path slide) {
        this.slide = slide;
    }

    public Path slide() {
        return slide;
    }

    /** Completes with the outcome, or exceptionally (CancellationException when cancelled). */
    public CompletableFuture<ClassificationOutcome> outcome() {
        return outcome;
    }

    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    CancellationToken cancellation() {
        return cancellation;
    }
}
