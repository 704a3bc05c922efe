package org.marrowscope.cohort;

import java.io.Serializable;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.Vote;
import org.marrowscope.service.ClassificationOutcome;

/**
 * One slide's row of the cohort summary (Parquet and CSV): what the models said, or why the slide failed, where and
 * how long it took. Columns are simple values so that the Parquet schema follows from the record.
 *
 * @param line the slide's line in the cohort file
 * @param status classified, not classifiable, outside domain, or failed
 * @param reasonCode the outcome's reason code, or for a failure what failed ({@link SlideTask})
 * @param exitCode the exit code {@code classify} gives this slide alone (0 for any result, refusals included)
 * @param suggestion the ensemble's diagnosis of a classified slide
 * @param votes the ensemble's votes per class, e.g. {@code ALL=0;AML=14;...}
 * @param uncertainty why the result is uncertain (empty when it is not)
 * @param reused whether a saved result was verified and reused instead of computed
 * @param attempt which try of the task gave this row (1 = the first)
 * @param executor the Spark executor and its host, e.g. {@code 1@10.0.0.7}
 * @param taskSeconds wall-clock seconds of the task on the executor
 * @param classifySeconds the pipeline's own total (model loading included) as the result records it
 */
public record SlideRow(String slide, int line, String diagnosis, String patient, String status, String reasonCode,
        int exitCode, String suggestion, Double voteFraction, Double margin, String votes, Boolean uncertain,
        String uncertainty, String predictionSet95, String resultFile, boolean reused, int attempt, String executor,
        double taskSeconds, Double classifySeconds, Double modelLoadingSeconds, String message) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String FAILED = "failed";

    static SlideRow of(CohortEntry e, ClassificationOutcome o, int attempt, String executor, double seconds) {
        ClassificationResult r = o.result();
        boolean ok = r.classifiable();
        Vote v = r.ensemble();
        return new SlideRow(e.slide(), e.line(), e.diagnosis(), e.patient(),
                r.outcome().status().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.outcome().code(), 0,
                ok ? r.diagnosis() : null, ok ? v.fractions()[v.winner()] : null, ok ? v.margin() : null, votes(v),
                ok ? r.uncertain() : null, String.join("; ", r.uncertaintyReasons()), set(r), o.savedTo().toString(),
                o.reused(), attempt, executor, seconds, r.timings().totalSeconds(), r.timings().modelLoadingSeconds(),
                ok ? null : r.outcome().reason());
    }

    static SlideRow failure(CohortEntry e, String code, int exitCode, String message, int attempt, String executor,
            double seconds) {
        return new SlideRow(e.slide(), e.line(), e.diagnosis(), e.patient(), FAILED, code, exitCode, null, null, null,
                null, null, null, null, null, false, attempt, executor, seconds, null, null, message);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }

    private static String votes(Vote v) {
        if (v == null) {
            return null;
        }
        return IntStream.range(0, v.classes().size()).mapToObj(i -> v.classes().get(i) + "=" + v.counts()[i])
                .collect(Collectors.joining(";"));
    }

    private static String set(ClassificationResult r) {
        var s = r.predictionSet(0.95);
        return s == null ? null : "{" + String.join(", ", s.classes()) + "}";
    }
}
