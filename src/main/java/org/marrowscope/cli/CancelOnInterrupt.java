package org.marrowscope.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.marrowscope.pipeline.CancellationToken;

/**
 * Ctrl+C for long commands: the shutdown hook cancels the token and then waits (up to a minute) for the
 * command to reach a safe point and finish, so checkpoints and outputs are never cut off mid-write.
 */
final class CancelOnInterrupt implements AutoCloseable {

    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    CancelOnInterrupt() {
        hook = new Thread(() -> {
            token.cancel();
            try {
                finished.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "marrowscope-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
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
