package org.marrowscope.cohort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.marrowscope.model.BundleDigest;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.pipeline.PipelineException;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.SlideUnsuitableException;
import org.marrowscope.service.ClassificationOutcome;
import org.marrowscope.service.ClassifyJob;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;
import org.marrowscope.slide.SlideException;

/**
 * One slide of a cohort on one executor, on that executor's warm service. Failures that another try cannot mend (a
 * missing or broken slide, a refused bundle) become the slide's row at once; anything else (an output that could not
 * be written, a bug, memory) is thrown so that the engine tries again, and becomes a row only on the last try, so a
 * slide is never silently dropped and never stops the job.
 */
public final class SlideTask {

    /** Thrown for a failure another try may not repeat; the engine retries the task. */
    public static final class Retry extends Exception {
        private static final long serialVersionUID = 1L;

        Retry(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Exit codes as the README's table gives them (cli owns the constants; the core cannot import cli). */
    static final int MODEL_INVALID = 21;
    static final int CLASSIFICATION_FAILED = 22;
    static final int SLIDE_UNSUITABLE = 19;
    static final int OUTPUT_FAILED = 20;
    static final int INTERNAL_ERROR = 1;
    static final int OUT_OF_MEMORY = 25;

    private SlideTask() {
    }

    /**
     * @param executor the executor and host, named in every failure message (a path one executor cannot see is a
     *     storage problem of that machine)
     * @param attempt the 1-based try
     * @param lastTry whether the engine gives up after this try: a failure is then the slide's row, not a throw
     */
    public static SlideRow run(InferenceService service, JobSpec spec, CohortEntry entry, String executor, int attempt,
            boolean lastTry) throws Retry, InterruptedException {
        long start = System.nanoTime();
        Path slide = Path.of(entry.slide());
        String where = " (executor " + executor + ")";
        try {
            if (!Files.exists(slide)) {
                return fail(entry, "not-found", SlideException.Kind.NOT_FOUND.exitCode(), "slide " + slide
                        + " not found" + where + ": slides must be on storage every executor reads", attempt, executor, start);
            }
            String changed = changedBundle(spec);
            if (changed != null) {
                return fail(entry, "model-invalid", MODEL_INVALID, changed + where, attempt, executor, start);
            }
            ClassifyJob job = service.submit(new ClassifyRequest(slide, spec.models(), spec.settings(), Path.of(spec.out()),
                    spec.reuse(), spec.device()), Progress.Listener.NONE);
            ClassificationOutcome outcome;
            try {
                outcome = job.outcome().get();
            } catch (InterruptedException e) {
                job.cancel();
                throw e;
            }
            return SlideRow.of(entry, outcome, attempt, executor, seconds(start));
        } catch (ExecutionException e) {
            return failure(e.getCause(), entry, where, attempt, executor, start, lastTry);
        } catch (ModelBundleException e) {
            return fail(entry, "model-invalid", MODEL_INVALID, e.getMessage() + where, attempt, executor, start);
        }
    }

    private static SlideRow failure(Throwable cause, CohortEntry entry, String where, int attempt, String executor,
            long start, boolean lastTry) throws Retry {
        String message = cause.getMessage() + where;
        return switch (cause) {
            case SlideException se -> fail(entry, se.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    se.kind().exitCode(), message, attempt, executor, start);
            case ModelBundleException me -> fail(entry, "model-invalid", MODEL_INVALID, message, attempt, executor, start);
            case SlideUnsuitableException su -> fail(entry, "slide-unsuitable", SLIDE_UNSUITABLE, message, attempt,
                    executor, start);
            case CancellationException ce -> throw new Retry("cancelled" + where, ce);
            default -> {
                if (!lastTry) {
                    throw new Retry(entry.slide() + ": " + cause + where, cause);
                }
                yield switch (cause) {
                    case PipelineException pe -> fail(entry, "classification-failed", CLASSIFICATION_FAILED, message,
                            attempt, executor, start);
                    case IOException io -> fail(entry, "output-failed", OUTPUT_FAILED, message, attempt, executor, start);
                    case OutOfMemoryError oom -> fail(entry, "out-of-memory", OUT_OF_MEMORY, "not enough memory" + where
                            + ": give executors more (--executor-memory)", attempt, executor, start);
                    default -> fail(entry, "internal-error", INTERNAL_ERROR, "internal error (please report it): " + cause
                            + where, attempt, executor, start);
                };
            }
        };
    }

    /**
     * Each bundle hashed again here (SHA-256 of the manifest and every file), against what the driver verified: an
     * executor whose copy differs (a stale node, a half-synced share) refuses rather than mixing models in one cohort.
     */
    private static String changedBundle(JobSpec spec) throws ModelBundleException {
        List<String> bundles = spec.bundles();
        for (int i = 0; i < bundles.size(); i++) {
            String digest = BundleDigest.verify(Path.of(bundles.get(i))).digest();
            if (!digest.equals(spec.digests().get(i))) {
                return "model bundle " + bundles.get(i) + " has digest " + digest + " here but " + spec.digests().get(i)
                        + " where the job was submitted";
            }
        }
        return null;
    }

    private static SlideRow fail(CohortEntry entry, String code, int exitCode, String message, int attempt,
            String executor, long start) {
        return SlideRow.failure(entry, code, exitCode, message, attempt, executor, seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
