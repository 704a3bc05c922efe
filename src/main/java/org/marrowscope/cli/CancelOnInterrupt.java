package org.marrowscope.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.marrowscope.pipeline.CancellationToken;

/**
 * Ctrl+C for long commands: the shutdown hook cancels the token (and, for work that stops on an interrupt, interrupts
 * the worker thread), then waits a while for the command to reach a safe point and finish, so checkpoints and
 * outputs are never cut off mid-write. Closing it says the command has finished.
 */
final class CancelOnInterrupt implements AutoCloseable {

    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /** Cancels the token and waits up to a minute. */
    CancelOnInterrupt() {
        this(null, Duration.ofMinutes(1));
    }

    private CancelOnInterrupt(Thread worker, Duration patience) {
        hook = new Thread(() -> {
            token.cancel();
            if (worker != null) {
                worker.interrupt();
            }
            try {
                finished.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "marrowscope-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Also interrupts {@code worker}, for work that checks for interrupts rather than a token. */
    static CancelOnInterrupt interrupting(Thread worker, Duration patience) {
        return new CancelOnInterrupt(worker, patience);
    }

    CancellationToken token() {
        return token;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the hook is running and now sees the command finished.
        }
    }
}
