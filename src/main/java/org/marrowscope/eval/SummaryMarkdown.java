package org.marrowscope.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown summary of an evaluation: the paper's tables, confusion matrices, the Wilcoxon test, the ablation. */
final class SummaryMarkdown {

    private SummaryMarkdown() {
    }

    private static String listed(Object names) {
        return names instanceof List<?> l && !l.isEmpty() ? l.toString() : "none";
    }

    /** The conformal sets' empirical coverage against their targets. */
    private static void trust(StringBuilder sb, Object trust) {
        if (!(trust instanceof Map<?, ?> t) || !(t.get("predictionSets") instanceof Map<?, ?> sets)) {
            return;
        }
        sb.append("## Calibrated confidence\n\n| target coverage | slides with a set | covered | empirical coverage |"
                + " coverage of the whole cohort (refused = not covered) | mean set size | single class | empty |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<?, ?> e : sets.entrySet()) {
            Map<?, ?> m = (Map<?, ?>) e.getValue();
            Object cov = m.get("coverage");
            Object size = m.get("meanSize");
            Object all = m.get("coverageOfCohort");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", e.getKey(), m.get("slides"),
                    m.get("covered"), cov == null ? "-" : String.format(Locale.ROOT, "%.3f", ((Number) cov).doubleValue()),
                    all == null ? "-" : String.format(Locale.ROOT, "%.3f", ((Number) all).doubleValue()),
                    size == null ? "-" : String.format(Locale.ROOT, "%.2f", ((Number) size).doubleValue()),
                    m.get("singletons"), m.get("empty")));
        }
        sb.append(String.format(Locale.ROOT, "%nSlides flagged uncertain among those classified: %s.%n%n", t.get("uncertain")));
    }

    static String of(EvaluationReport r) {
        StringBuilder sb = new StringBuilder("# Evaluation\n\n");
        Map<String, Object> cohort = r.cohort();
        sb.append(String.format(Locale.ROOT, "Labels: `%s`. %s of %s slides classified (%s); not classifiable: %s;"
                + " outside the models' domain: %s (refusal rate %.1f%%).%n%n",
                cohort.get("labels"), cohort.get("classified"), cohort.get("slides"), cohort.get("classifiedByClass"),
                listed(cohort.get("notClassifiable")), listed(cohort.get("outsideDomain")),
                100 * ((Number) cohort.getOrDefault("refusalRate", 0.0)).doubleValue()));
        trust(sb, cohort.get("trust"));
        sb.append("Models: quality `").append(r.quality().name()).append(' ').append(r.quality().version()).append('`');
        r.classifiers().forEach(c -> sb.append(", classifier `").append(c.name()).append(' ').append(c.version()).append('`'));
        boolean demo = r.quality().demo() || r.classifiers().stream().anyMatch(c -> c.demo());
        sb.append(demo ? ". **Demonstration models: not for clinical use.**" : ".").append("\n\n");
        sb.append(String.format(Locale.ROOT, "Values with 95%% bootstrap intervals (%d resamples of patients, seed %d; a"
                + " resampled patient brings all its tiles). Patient-level AUCs score each class by its vote fraction.%n%n",
                r.bootstrap().resamples(), r.bootstrap().seed()));

        table(sb, "Tile level (all ROIs pooled)", rows(r.levels(), "tile"), "tiles");
        table(sb, "Patient level (majority vote of each model's ROIs)", rows(r.levels(), "patient"), "patients");
        table(sb, "Ensemble level (votes of all models pooled)", rows(r.levels(), "ensemble"), "patients");

        PairedTest w = r.wilcoxon();
        sb.append("## Patient vs tile accuracy (Wilcoxon signed-rank)\n\n| model | tile accuracy | patient accuracy |\n"
                + "|---|---|---|\n");
        for (int i = 0; i < w.models().size(); i++) {
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", w.models().get(i), w.tileAccuracy()[i],
                    w.patientAccuracy()[i]));
        }
        sb.append(String.format(Locale.ROOT, "%nW = %s, two-sided p = %s (%s).%n%n", format(w.statistic()),
                format(w.pValue()), w.note()));

        List<LevelResult> patientLike = new ArrayList<>(rows(r.levels(), "patient"));
        patientLike.addAll(rows(r.levels(), "ensemble"));
        for (LevelResult row : patientLike) {
            confusion(sb, r.classes(), row);
        }

        if (!r.ablation().isEmpty()) {
            sb.append("## Ablation: stage-1 ROIs vs random non-background tiles\n\n")
                    .append("| model | tiles | tile accuracy | patient accuracy | patient balanced accuracy |"
                            + " patient macro F1 | patient micro AUC |\n|---|---|---|---|---|---|---|\n");
            List<LevelResult> all = new ArrayList<>(r.levels());
            all.addAll(r.ablation());
            List<String> models = all.stream().filter(l -> !l.level().equals("ensemble")).map(LevelResult::model)
                    .distinct().toList();
            for (String model : models) {
                for (String tiles : List.of("stage-1 ROIs", Ablation.TILES)) {
                    LevelResult tile = find(all, "tile", model, tiles);
                    LevelResult patient = find(all, "patient", model, tiles);
                    if (tile == null || patient == null) {
                        continue;
                    }
                    sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", model, tiles,
                            cell(tile, "accuracy"), cell(patient, "accuracy"), cell(patient, "balancedAccuracy"),
                            cell(patient, "macroF1"), cell(patient, "microAuc")));
                }
            }
            sb.append('\n');
        }
        if (!r.truth().isEmpty()) {
            sb.append("## Stage 1 against the generator's ground truth\n\nThe slides are synthetic: their sidecars say"
                    + " which tiles are good monolayer. Poor tiles among those that represented the slides:\n\n"
                    + "| tiles | counted | poor | thick | sparse | fat | precipitate | blur | glass |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            for (TruthCheck t : r.truth()) {
                Map<String, Long> b = t.byLabel();
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d (%.1f%%) | %d | %d | %d | %d | %d | %d |%n", t.tiles(),
                        t.counted(), t.poor(), 100 * t.poorFraction(), b.get("THICK"), b.get("SPARSE"), b.get("FAT"),
                        b.get("PRECIPITATE"), b.get("BLUR"), b.get("BACKGROUND")));
            }
            sb.append('\n');
        }
        sb.append("## ROC curves\n\n");
        List<LevelResult> all = new ArrayList<>(r.levels());
        all.addAll(r.ablation());
        for (LevelResult row : all) {
            sb.append("- ").append(row.level()).append(", ").append(row.model()).append(", ").append(row.tiles())
                    .append(": [").append(ReportFiles.rocFile(row)).append("](").append(ReportFiles.rocFile(row)).append(")\n");
        }
        return sb.toString();
    }

    private static List<LevelResult> rows(List<LevelResult> rows, String level) {
        return rows.stream().filter(l -> l.level().equals(level)).toList();
    }

    private static LevelResult find(List<LevelResult> rows, String level, String model, String tiles) {
        return rows.stream().filter(l -> l.level().equals(level) && l.model().equals(model) && l.tiles().equals(tiles))
                .findFirst().orElse(null);
    }

    private static void table(StringBuilder sb, String title, List<LevelResult> rows, String unit) {
        sb.append("## ").append(title).append("\n\n| model | ").append(unit)
                .append(" | accuracy | balanced accuracy | macro F1 | micro AUC | macro AUC |\n|---|---|---|---|---|---|---|\n");
        for (LevelResult row : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", row.model(), row.cases(),
                    cell(row, "accuracy"), cell(row, "balancedAccuracy"), cell(row, "macroF1"), cell(row, "microAuc"),
                    cell(row, "macroAuc")));
        }
        sb.append('\n');
    }

    private static String cell(LevelResult row, String metric) {
        LevelResult.Value v = row.metrics().get(metric);
        if (Double.isNaN(v.low())) {
            return format(v.value());
        }
        return String.format(Locale.ROOT, "%s (%s-%s)", format(v.value()), format(v.low()), format(v.high()));
    }

    private static void confusion(StringBuilder sb, List<String> classes, LevelResult row) {
        sb.append("### Confusion matrix, ").append(row.level()).append(" level, ").append(row.model())
                .append(" (rows: truth; counts, then row-normalised)\n\n| truth \\ predicted |");
        classes.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append("\n|---|").append("---|".repeat(classes.size())).append('\n');
        for (int t = 0; t < classes.size(); t++) {
            sb.append("| ").append(classes.get(t)).append(" |");
            for (int p = 0; p < classes.size(); p++) {
                sb.append(String.format(Locale.ROOT, " %d (%.2f) |", Math.round(row.confusion()[t][p]),
                        row.confusionNormalised()[t][p]));
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    static String format(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
