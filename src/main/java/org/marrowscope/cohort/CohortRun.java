package org.marrowscope.cohort;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marrowscope.eval.Bootstrap;
import org.marrowscope.eval.Evaluation;
import org.marrowscope.eval.EvaluationReport;
import org.marrowscope.eval.ReportFiles;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.labels.DiagnosisLabels;
import org.marrowscope.labels.LabelledSlide;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;

/**
 * The driver's side of a cohort: hands the slides to the engine, checks that every slide came back exactly once,
 * writes the summary ({@value #PARQUET} and {@value #CSV}) and evaluates the labelled rows with the code of
 * {@code evaluate}, from the result files as saved (each one verified before it is used).
 */
public final class CohortRun {

    public static final String PARQUET = "summary.parquet";
    public static final String CSV = "summary.csv";
    public static final String EVALUATION = "evaluation";

    /**
     * What a run gave.
     *
     * @param evaluation the evaluation's files, empty when no labelled slide was classified
     * @param evaluationNote why there is no evaluation, or null
     */
    public record Outcome(List<SlideRow> rows, Path csv, Path parquet, List<Path> evaluation, String evaluationNote) {

        public Outcome {
            rows = List.copyOf(rows);
            evaluation = List.copyOf(evaluation);
        }

        public long failed() {
            return rows.stream().filter(SlideRow::failed).count();
        }

        public long reused() {
            return rows.stream().filter(SlideRow::reused).count();
        }
    }

    private CohortRun() {
    }

    /**
     * @param labels the cohort file (named in the evaluation)
     * @param classes the models' classes
     * @param classifierNames the classifiers' names, in ensemble order
     */
    public static Outcome run(CohortEngine engine, CohortEngine.Settings settings, JobSpec spec, Path labels,
            List<CohortEntry> slides, List<String> classes, List<String> classifierNames, Bootstrap bootstrap)
            throws IOException {
        Path out = Path.of(spec.out());
        Path parquet = out.resolve(PARQUET);
        List<SlideRow> rows = engine.run(spec, slides, settings, parquet);
        checkOnePerSlide(slides, rows);
        sweepPartFiles(out);
        Path csv = out.resolve(CSV);
        AtomicFiles.write(csv, csv(rows));
        List<Path> evaluation = List.of();
        String note = null;
        if (slides.stream().noneMatch(CohortEntry::labelled)) {
            note = "no slide has a diagnosis";
        } else {
            try {
                evaluation = ReportFiles.write(evaluate(labels, classes, classifierNames, rows, bootstrap, spec.software()),
                        out.resolve(EVALUATION));
            } catch (IllegalArgumentException e) {
                note = e.getMessage();
            }
        }
        return new Outcome(rows, csv, parquet, evaluation, note);
    }

    /** An engine that lost or doubled a slide is a bug; the summary must never hide one. */
    static void checkOnePerSlide(List<CohortEntry> slides, List<SlideRow> rows) {
        Set<String> seen = new HashSet<>();
        for (SlideRow r : rows) {
            if (!seen.add(r.slide())) {
                throw new IllegalStateException("the engine returned " + r.slide() + " twice");
            }
        }
        for (CohortEntry e : slides) {
            if (!seen.contains(e.slide())) {
                throw new IllegalStateException("the engine returned no row for " + e.slide());
            }
        }
        if (rows.size() != slides.size()) {
            throw new IllegalStateException(rows.size() + " rows for " + slides.size() + " slides");
        }
    }

    /**
     * Part files of results that executors lost with their machine were writing (a killed JVM cannot clean up): every
     * task has finished and the slide was redone elsewhere, so what is left is garbage. Results themselves only ever
     * appear whole (written aside, then renamed).
     */
    static int sweepPartFiles(Path out) throws IOException {
        int removed = 0;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(out)) {
            for (Path p : files.toList()) {
                if (PART.matcher(p.getFileName().toString()).matches()) {
                    removed += java.nio.file.Files.deleteIfExists(p) ? 1 : 0;
                }
            }
        }
        return removed;
    }

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile(
            "\\..+" + java.util.regex.Pattern.quote(ResultStore.SUFFIX) + "\\.[0-9a-f]+\\.part");

    /** The labelled rows scored by {@link Evaluation#score}: the same metrics as {@code evaluate}, no ablation. */
    static EvaluationReport evaluate(Path labels, List<String> classes, List<String> classifierNames, List<SlideRow> rows,
            Bootstrap bootstrap, String software) throws IOException {
        List<LabelledSlide> slides = new ArrayList<>();
        List<ClassificationResult> results = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (SlideRow r : rows) {
            if (r.diagnosis() == null) {
                continue;
            }
            Path slide = Path.of(r.slide());
            if (r.failed()) {
                failed.add(slide.getFileName().toString());
                continue;
            }
            // Read back from the file as saved, verified: the evaluation never trusts a row's copy of a result.
            results.add(ResultStore.read(Path.of(r.resultFile())));
            slides.add(new LabelledSlide(slide, Optional.ofNullable(r.patient()).orElse(slide.getFileName().toString()),
                    DiagnosisLabels.classIndex(classes, r.diagnosis())));
        }
        return Evaluation.score(labels, classes, classifierNames, slides, results, failed, bootstrap, software,
                Evaluation.Listener.NONE);
    }

    static byte[] csv(List<SlideRow> rows) throws IOException {
        // Columns in the record's order, as the Parquet table has them.
        CsvMapper mapper = CsvMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
        CsvSchema schema = mapper.schemaFor(SlideRow.class).withHeader();
        return mapper.writer(schema).writeValueAsString(rows.stream().map(CohortRun::safe).toList())
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A spreadsheet runs a cell that starts with =, +, -, @ as a formula: text cells that do get an apostrophe, as
     * {@code classify --csv} does.
     */
    private static SlideRow safe(SlideRow r) {
        return new SlideRow(cell(r.slide()), r.line(), cell(r.diagnosis()), cell(r.patient()), r.status(), r.reasonCode(),
                r.exitCode(), r.suggestion(), r.voteFraction(), r.margin(), r.votes(), r.uncertain(), cell(r.uncertainty()),
                r.predictionSet95(), cell(r.resultFile()), r.reused(), r.attempt(), cell(r.executor()), r.taskSeconds(),
                r.classifySeconds(), r.modelLoadingSeconds(), cell(r.message()));
    }

    private static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
