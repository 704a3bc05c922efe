package org.marrowscope.app;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.stage.Window;
import org.marrowscope.pipeline.SlideUnsuitableException;
import org.marrowscope.service.ClassificationOutcome;
import org.marrowscope.service.ClassifyJob;
import org.marrowscope.service.ClassifyRequest;

/**
 * Runs Classify through the inference service: progress arrives on the inference thread and is handed to the
 * FX thread; Cancel (or closing the slide or the window) cancels the job, which stops within one batch.
 */
final class ClassifyController {

    private final AppContext context;
    private final ModelPanel models;
    private final ProgressStrip strip;
    private final Supplier<Window> owner;
    private final Consumer<ClassificationOutcome> onDone;
    private final ResultPanel resultPanel;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private ClassifyJob job;

    /** @param resultPanel says "Classifying…" with elapsed time and ETA while a run goes */
    ClassifyController(AppContext context, ModelPanel models, Supplier<Window> owner, Consumer<ClassificationOutcome> onDone,
            ResultPanel resultPanel) {
        this.context = context;
        this.resultPanel = resultPanel;
        this.models = models;
        this.owner = owner;
        this.onDone = onDone;
        this.strip = new ProgressStrip(this::cancel);
    }

    ProgressStrip strip() {
        return strip;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Starts a run for the slide, or shows why it cannot start (no models).
     *
     * @param reuseSaved false for Re-run: compute again even when a saved result for these models and parameters exists
     */
    void start(Path slide, boolean reuseSaved) {
        start(slide, reuseSaved, null);
    }

    /**
     * As {@link #start(Path, boolean)}, at the resolution the user typed ({@code null}: the file's own). A slide that
     * cannot be classified as given (no resolution, or an impossible one) brings up {@link ResolutionPrompt} instead
     * of an error.
     */
    void start(Path slide, boolean reuseSaved, Double micronsPerPixel) {
        if (job != null) {
            return;
        }
        ModelPanel.Choice choice = models.choice();
        if (choice.selection().isEmpty()) {
            Dialogs.error(owner.get(), "No models to classify with", choice.problem());
            return;
        }
        var previous = context.inference().activeJob(slide);
        if (previous.isPresent() && previous.get().isCancelled()) {
            // A cancelled run of this slide is still winding down; the service would hand back that job.
            strip.starting(slide.getFileName().toString());
            strip.waitingForCancelledRun();
            previous.get().outcome().whenComplete((o, e) -> Platform.runLater(() -> start(slide, reuseSaved,
                    micronsPerPixel)));
            return;
        }
        ClassifyRequest request = new ClassifyRequest(slide, choice.selection().get(), micronsPerPixel == null
                ? context.pipeline() : context.pipeline().withMicronsPerPixel(micronsPerPixel), context.resultsFolder(),
                reuseSaved, context.device());
        strip.starting(slide.getFileName().toString());
        resultPanel.running(slide.getFileName().toString());
        running.set(true);
        ClassifyJob submitted = context.inference().submit(request, p -> Platform.runLater(() -> {
            if (job != null && !job.isCancelled()) {
                strip.show(p);
                resultPanel.progress(p);
            }
        }));
        job = submitted;
        submitted.outcome().whenComplete((outcome, error) -> Platform.runLater(() -> finished(slide, submitted, outcome,
                error)));
    }

    private void finished(Path slide, ClassifyJob finished, ClassificationOutcome outcome, Throwable error) {
        if (finished != job) {
            return;
        }
        job = null;
        running.set(false);
        strip.hideStrip();
        resultPanel.runEnded();
        Throwable cause = error == null ? null : Dialogs.unwrap(error);
        if (cause instanceof CancellationException || finished.isCancelled()) {
            return;
        }
        if (cause instanceof SlideUnsuitableException unsuitable) {
            ResolutionPrompt.ask(owner.get(), unsuitable.getMessage(), mpp -> start(slide, false, mpp));
            return;
        }
        if (cause != null) {
            Dialogs.failure(owner.get(), "Classification failed", cause);
            return;
        }
        onDone.accept(outcome);
    }

    /** Cancels the run, if any; the strip goes when the job has stopped. */
    void cancel() {
        if (job != null) {
            job.cancel();
            strip.cancelling();
        }
    }

    /** Cancels and forgets the run at once (the slide is closing; its result is no longer wanted). */
    void abandon() {
        if (job != null) {
            job.cancel();
            job = null;
            running.set(false);
            strip.hideStrip();
            resultPanel.runEnded();
        }
    }
}
