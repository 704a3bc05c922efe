package org.marrowscope.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marrowscope.io.AtomicFiles;

/**
 * Writes an evaluation: {@code evaluation.json} (everything), {@code metrics.csv} (one row per table row and
 * metric, with the interval), {@code confusion.csv}, {@code summary.md} (the paper's tables) and one ROC
 * figure per table row ({@code roc-LEVEL-MODEL[-random].png}). Every file is written atomically.
 */
public final class ReportFiles {

    /** NaN (an AUC without positives) is written as the string "NaN", Jackson's default for JSON. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /** Writes every file into {@code folder}; returns the files written. */
    public static List<Path> write(EvaluationReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        written.add(put(folder.resolve("evaluation.json"), JSON.writeValueAsBytes(report)));
        written.add(put(folder.resolve("metrics.csv"), metricsCsv(report).getBytes(StandardCharsets.UTF_8)));
        written.add(put(folder.resolve("confusion.csv"), confusionCsv(report).getBytes(StandardCharsets.UTF_8)));
        List<LevelResult> rows = new ArrayList<>(report.levels());
        rows.addAll(report.ablation());
        for (LevelResult row : rows) {
            String title = title(row);
            written.add(put(folder.resolve(rocFile(row)), RocChart.png(row, title)));
        }
        written.add(put(folder.resolve("summary.md"), SummaryMarkdown.of(report).getBytes(StandardCharsets.UTF_8)));
        return written;
    }

    static String rocFile(LevelResult row) {
        return "roc-" + row.level() + "-" + row.model().replaceAll("[^A-Za-z0-9._-]", "_")
                + (row.tiles().equals(Ablation.TILES) ? "-random" : "") + ".png";
    }

    private static String title(LevelResult row) {
        String level = switch (row.level()) {
            case "tile" -> "Tile level";
            case "patient" -> "Patient level";
            default -> "Ensemble level";
        };
        return level + ", " + row.model() + (row.tiles().equals(Ablation.TILES) ? ", random tiles" : "")
                + " (n = " + row.cases() + ")";
    }

    private static Path put(Path file, byte[] content) throws IOException {
        AtomicFiles.write(file, content);
        return file;
    }

    static String metricsCsv(EvaluationReport report) {
        StringBuilder sb = new StringBuilder("level,model,tiles,cases,patients,metric,value,ci_low,ci_high\n");
        List<LevelResult> rows = new ArrayList<>(report.levels());
        rows.addAll(report.ablation());
        for (LevelResult r : rows) {
            for (Map.Entry<String, LevelResult.Value> m : r.metrics().entrySet()) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%s,%s,%s,%s%n", r.level(), r.model(), r.tiles(),
                        r.cases(), r.patients(), m.getKey(), number(m.getValue().value()), number(m.getValue().low()),
                        number(m.getValue().high())));
            }
            for (Map.Entry<String, Double> a : r.classAuc().entrySet()) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,auc_%s,%s,,%n", r.level(), r.model(), r.tiles(),
                        r.cases(), r.patients(), a.getKey(), number(a.getValue())));
            }
        }
        return sb.toString();
    }

    static String confusionCsv(EvaluationReport report) {
        StringBuilder sb = new StringBuilder("level,model,tiles,truth,predicted,count,row_fraction\n");
        List<LevelResult> rows = new ArrayList<>(report.levels());
        rows.addAll(report.ablation());
        List<String> classes = report.classes();
        for (LevelResult r : rows) {
            for (int t = 0; t < classes.size(); t++) {
                for (int p = 0; p < classes.size(); p++) {
                    sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%s%n", r.level(), r.model(), r.tiles(),
                            classes.get(t), classes.get(p), Math.round(r.confusion()[t][p]),
                            number(r.confusionNormalised()[t][p])));
                }
            }
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }
}
