package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.train.DemoCohort;
import org.marrowscope.train.TinyCohort;

/**
 * `marrowscope evaluate` end to end on a tiny synthetic cohort with the test bundles: real slides, real
 * pipeline, real files out. The test models are not good at this task; what is checked is that every table,
 * matrix, interval, figure and the ablation are produced and consistent with each other.
 */
class EvaluateCommandTest {

    static DemoCohort cohort;
    static Path quality;

    @TempDir
    static Path out;

    @BeforeAll
    static void evaluateOnce() throws Exception {
        TorchRuntime.setThreads(1);
        cohort = TinyCohort.get();
        // Stage 1 from the training command itself, so every slide has ROIs the selection accepts.
        Path labels = TinyCohort.qualityLabels(out.resolve("quality-labels.csv"), 5);
        quality = out.resolve("quality");
        CliRunner trained = run("train", "quality", "--labels", labels.toString(), "--start-from",
                TinyCohort.template("demo-quality").toString(), "--out", quality.toString(), "--epochs", "4", "--lr",
                "0.01", "--batch", "16", "--device", "cpu", "--no-progress");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("Wrote " + quality).contains("validationBalancedAccuracy");
        CliRunner r = run("evaluate", "--labels", cohort.labels().toString(), "--out", out.toString(),
                "--quality-model", quality.toString(), "--classifier", model("tiny-cnn"), "--classifier",
                model("tiny-resnet"), "--ablation-model", model("tiny-resnet"), "--rois", "3", "--random-tiles", "3",
                "--bootstrap", "200", "--device", "cpu", "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("15 of 15 slides classified").contains("Wilcoxon");
    }

    static CliRunner run(String... args) {
        return CliRunner.run(args);
    }

    /**
     * A tiny test classifier relabelled to 0.25 um/px: the quality model trained above starts from the demo template
     * (0.25 um/px), and a classifier must be at its quality model's resolution. The toys' weights do not care.
     */
    static String model(String name) throws Exception {
        Path source = Path.of(EvaluateCommandTest.class.getResource("/models/" + name).toURI());
        Path copy = out.resolve("classifiers").resolve(name);
        if (!java.nio.file.Files.exists(copy)) {
            java.nio.file.Files.createDirectories(copy);
            try (var files = java.nio.file.Files.list(source)) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
            Path manifest = copy.resolve("model.json");
            java.nio.file.Files.writeString(manifest, java.nio.file.Files.readString(manifest)
                    .replace("\"micronsPerPixel\": 0.5", "\"micronsPerPixel\": 0.25"));
        }
        return copy.toString();
    }

    @Test
    void writesThePapersTablesWithConsistentCounts() throws Exception {
        JsonNode report = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        assertThat(report.get("classes")).hasSize(5);
        assertThat(report.at("/cohort/classified").asInt()).isEqualTo(15);
        JsonNode levels = report.get("levels");
        // tile + patient for each of the two classifiers, then the ensemble
        assertThat(levels).hasSize(5);
        assertThat(levels.get(0).get("level").asText()).isEqualTo("tile");
        assertThat(levels.get(0).get("cases").asInt()).isEqualTo(15 * 3);
        assertThat(levels.get(1).get("level").asText()).isEqualTo("patient");
        assertThat(levels.get(4).get("model").asText()).isEqualTo("ensemble");
        for (JsonNode level : levels) {
            double total = 0;
            for (JsonNode row : level.get("confusion")) {
                for (JsonNode v : row) {
                    total += v.asDouble();
                }
            }
            assertThat(total).isEqualTo(level.get("cases").asInt());
            for (String metric : List.of("accuracy", "balancedAccuracy", "macroF1", "microAuc", "macroAuc")) {
                JsonNode m = level.at("/metrics/" + metric);
                assertThat(m.get("value").asDouble()).isBetween(0.0, 1.0);
                assertThat(m.get("low").asDouble()).isLessThanOrEqualTo(m.get("value").asDouble());
                assertThat(m.get("high").asDouble()).isGreaterThanOrEqualTo(m.get("value").asDouble());
            }
        }
        assertThat(report.at("/wilcoxon/models")).hasSize(2);
        assertThat(report.at("/bootstrap/resamples").asInt()).isEqualTo(200);
        // The ablation: both ensemble classifiers and the ablation model, tile and patient level, on random tiles.
        assertThat(report.get("ablation")).hasSize(6);
        assertThat(report.at("/ablation/0/tiles").asText()).isEqualTo("random tiles");
        assertThat(report.at("/ablation/0/cases").asInt()).isEqualTo(15 * 3);
        // Synthetic slides: stage 1's ROIs and the random tiles are checked against the generator's truth.
        JsonNode truth = report.get("truth");
        assertThat(truth).hasSize(2);
        assertThat(truth.get(0).get("tiles").asText()).isEqualTo("stage-1 ROIs");
        assertThat(truth.get(0).get("counted").asInt()).isEqualTo(15 * 3);
        long byLabel = 0;
        for (JsonNode n : truth.get(1).get("byLabel")) {
            byLabel += n.asLong();
        }
        assertThat(byLabel).isEqualTo(truth.get(1).get("counted").asLong()).isEqualTo(15 * 3);
        assertThat(truth.get(1).get("poor").asLong()).isEqualTo(byLabel - truth.get(1).at("/byLabel/GOOD").asLong());
    }

    @Test
    void writesCsvMarkdownAndRocFigures() throws Exception {
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertThat(metrics.getFirst()).isEqualTo("level,model,tiles,cases,patients,metric,value,ci_low,ci_high");
        assertThat(metrics).anyMatch(l -> l.startsWith("ensemble,ensemble,stage-1 ROIs,15,15,accuracy,"));
        assertThat(metrics).anyMatch(l -> l.startsWith("patient,tiny-resnet,random tiles,15,15,accuracy,"));
        List<String> confusion = Files.readAllLines(out.resolve("confusion.csv"));
        assertThat(confusion).hasSize(1 + (5 + 6) * 25);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("## Tile level (all ROIs pooled)", "## Patient level", "## Ensemble level",
                "Wilcoxon", "### Confusion matrix, ensemble level", "## Ablation",
                "## Stage 1 against the generator's ground truth", "roc-ensemble-ensemble.png");
        BufferedImage roc = ImageIO.read(out.resolve("roc-patient-tiny-cnn.png").toFile());
        assertThat(roc.getWidth()).isEqualTo(720);
        assertThat(Files.exists(out.resolve("roc-tile-tiny-resnet-random.png"))).isTrue();
        // The per-slide results are kept, so a rerun only recomputes the tables.
        try (var files = Files.list(out.resolve("results"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".marrowscope.json")).count()).isEqualTo(15);
        }
    }

    @Test
    void aBadLabelsFileIsRefusedWithItsLineAndItsOwnExitCode() throws Exception {
        Path labels = out.resolve("bad-labels.csv");
        Files.writeString(labels, "slide,diagnosis\n" + cohort.members().getFirst().slide() + ",ALL\n"
                + cohort.members().get(1).slide() + ",leukaemia\n");
        CliRunner r = run("evaluate", "--labels", labels.toString(), "--out", out.resolve("bad").toString(),
                "--quality-model", quality.toString(), "--classifier", model("tiny-cnn"), "--no-progress");
        assertThat(r.exitCode()).isEqualTo(23);
        assertThat(r.err()).contains("line 3: unknown diagnosis \"leukaemia\"");
    }
}
