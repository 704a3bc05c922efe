package org.marrowscope.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.service.ClassificationOutcome;
import org.marrowscope.service.ClassifyJob;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;

/**
 * Classify all: the worklist's slides through the same inference service as the viewer's Classify, one at a time
 * (the next is submitted when the last has finished, so a Classify in the viewer never waits behind the whole list),
 * cancellable between and within slides. Callbacks come on the inference thread; the window hands them to FX.
 */
final class WorklistRun {

    /** What the run reports. */
    interface Listener {
        void started(Path slide);

        /** @param error null on success; a CancellationException when cancelled */
        void finished(Path slide, ClassificationOutcome outcome, Throwable error);

        void ended(boolean cancelled);
    }

    private final InferenceService service;
    private final Function<Path, ClassifyRequest> requests;
    private final Listener listener;
    private final Deque<Path> queue;
    private volatile boolean cancelled;
    private volatile ClassifyJob current;

    WorklistRun(InferenceService service, List<Path> slides, Function<Path, ClassifyRequest> requests, Listener listener) {
        this.service = service;
        this.requests = requests;
        this.listener = listener;
        this.queue = new ArrayDeque<>(slides);
    }

    void start() {
        next();
    }

    private synchronized void next() {
        Path slide = cancelled ? null : queue.poll();
        if (slide == null) {
            current = null;
            listener.ended(cancelled);
            return;
        }
        listener.started(slide);
        ClassifyJob job = service.submit(requests.apply(slide), Progress.Listener.NONE);
        current = job;
        job.outcome().whenComplete((outcome, error) -> {
            listener.finished(slide, outcome, error);
            next();
        });
    }

    /** Stops the slide running (within one batch) and the rest of the list. */
    void cancel() {
        cancelled = true;
        ClassifyJob job = current;
        if (job != null) {
            job.cancel();
        }
    }

    boolean isCancelled() {
        return cancelled;
    }
}
