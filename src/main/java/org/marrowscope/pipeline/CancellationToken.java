package org.marrowscope.pipeline;

import java.util.concurrent.CancellationException;

/** Cooperative cancellation: the pipeline checks it between batches, so a run stops within one batch. */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("classification cancelled");
        }
    }
}
