package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;

/**
 * `marrowscope cohort` embedded in local mode (Spark in this JVM) on real synthetic slides with real DJL inference:
 * the same results as `classify`, failures per slide, the summary table, the evaluation, and a re-run that reuses.
 */
class CohortCommandTest {

    static final String MODELS = HostileFixtures.MODELS;

    @TempDir
    static Path dir;

    static List<Path> good = new ArrayList<>();
    static Path missing;
    static Path broken;
    static Path cohort;
    static Path out;
    static CliRunner first;

    @BeforeAll
    static void runCohortOnce() throws Exception {
        good.add(HostileFixtures.synth(dir.resolve("cml-41.tiff"), "CML", 41));
        good.add(HostileFixtures.synth(dir.resolve("aml-42.tiff"), "AML", 42));
        good.add(HostileFixtures.synth(dir.resolve("mm-43.tiff"), "MM", 43));
        missing = dir.resolve("gone.tiff");
        byte[] whole = Files.readAllBytes(good.getFirst());
        broken = Files.write(dir.resolve("broken.tiff"), Arrays.copyOf(whole, 2000));
        cohort = Files.writeString(dir.resolve("cohort.csv"), """
                slide,diagnosis,patient
                cml-41.tiff,CML,p1
                aml-42.tiff,aml,p2
                mm-43.tiff,MM,p3
                gone.tiff,ALL,p4
                broken.tiff,,p5
                """);
        out = dir.resolve("out");
        first = cohort(out);
    }

    static CliRunner cohort(Path out, String... extra) {
        return cohortAt("local[2]", out, extra);
    }

    static CliRunner cohortAt(String master, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("cohort", "--quality-model", MODELS + "/tiny-quality", "--classifier",
                MODELS + "/tiny-cnn", "--classifier", MODELS + "/tiny-resnet", "--rois", "4", "--device", "cpu",
                "--master", master, "--bootstrap", "50", "--executor-memory", "1g", "--out", out.toString()));
        a.addAll(List.of(extra));
        a.add(cohort.toString());
        return CliRunner.run(a.toArray(String[]::new));
    }

    static List<Map<String, String>> summary(Path out) throws Exception {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.resolve("summary.csv").toFile())) {
            return it.readAll();
        }
    }

    static Map<String, Map<String, String>> bySlide(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> m = new HashMap<>();
        rows.forEach(r -> m.put(Path.of(r.get("slide")).getFileName().toString(), r));
        return m;
    }

    @Test
    void sameSuggestionsAndVotesAsClassifyForTheSameSlidesModelsAndParameters() throws Exception {
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.SOME_SLIDES_FAILED);
        Path single = dir.resolve("single");
        List<String> args = new ArrayList<>(List.of("--out", single.toString()));
        good.forEach(g -> args.add(g.toString()));
        CliRunner classify = HostileFixtures.classify(args.toArray(String[]::new));
        assertThat(classify.exitCode()).as(classify.err()).isZero();
        for (Path slide : good) {
            Path fromCohort = new ResultStore(out).location(slide);
            Path fromClassify = new ResultStore(single).location(slide);
            // Named alike (file name and fingerprint), and the same ROIs, labels and votes.
            assertThat(fromCohort.getFileName()).isEqualTo(fromClassify.getFileName());
            ClassificationResult a = ResultStore.read(fromCohort);
            ClassificationResult b = ResultStore.read(fromClassify);
            assertThat(a.outcome()).isEqualTo(b.outcome());
            assertThat(a.diagnosis()).isEqualTo(b.diagnosis());
            assertThat(a.parameters()).isEqualTo(b.parameters());
            assertThat(a.ensemble().counts()).containsExactly(b.ensemble().counts());
            for (int m = 0; m < 2; m++) {
                assertThat(a.perModel().get(m).vote().counts()).containsExactly(b.perModel().get(m).vote().counts());
            }
            assertThat(a.rois()).extracting(r -> r.x() + "," + r.y() + ":" + r.labels())
                    .containsExactlyElementsOf(b.rois().stream().map(r -> r.x() + "," + r.y() + ":" + r.labels()).toList());
            Map<String, String> row = bySlide(summary(out)).get(slide.getFileName().toString());
            assertThat(row.get("suggestion")).isEqualTo(b.diagnosis());
            assertThat(row.get("votes")).contains(b.ensemble().label() + "=" + b.ensemble().counts()[b.ensemble().winner()]);
            assertThat(row.get("resultFile")).isEqualTo(fromCohort.toString());
        }
    }

    @Test
    void aMissingAndABrokenSlideAreReportedPerSlideWithoutStoppingTheJob() throws Exception {
        assertThat(first.out()).contains("5 slides: 3 classified, 0 refused, 2 failed");
        List<Map<String, String>> rows = summary(out);
        assertThat(rows).hasSize(5);
        Map<String, Map<String, String>> m = bySlide(rows);
        assertThat(m.get("gone.tiff")).containsEntry("status", "failed").containsEntry("reasonCode", "not-found")
                .containsEntry("exitCode", "10");
        assertThat(m.get("gone.tiff").get("message")).contains(missing.toString()).contains("executor driver@");
        assertThat(m.get("broken.tiff")).containsEntry("status", "failed").containsEntry("reasonCode", "broken-file")
                .containsEntry("exitCode", "14");
        assertThat(first.err()).contains("gone.tiff: failed (not-found)").contains("broken.tiff: failed (broken-file)");
        for (Path slide : good) {
            assertThat(m.get(slide.getFileName().toString())).containsEntry("status", "classified")
                    .containsEntry("exitCode", "0").containsEntry("reused", "false").containsEntry("attempt", "1");
        }
        // Exactly the three results, nothing half-written beside them.
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))).hasSize(3);
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void theParquetTableHasOneRowPerSlideWithTheCsvsColumns() throws Exception {
        Path table = out.resolve("summary.parquet");
        Path data;
        try (Stream<Path> files = Files.list(table)) {
            data = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        assertThat(table.resolve("_SUCCESS")).exists();
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(data.toUri()), new Configuration()))) {
            assertThat(reader.getRecordCount()).isEqualTo(5);
            List<String> columns = reader.getFooter().getFileMetaData().getSchema().getFields().stream()
                    .map(org.apache.parquet.schema.Type::getName).toList();
            List<String> csvColumns = new ArrayList<>(summary(out).getFirst().keySet());
            assertThat(columns).containsExactlyElementsOf(csvColumns);
        }
    }

    @Test
    void theLabelledRowsAreEvaluatedWithEvaluatesMetrics() throws Exception {
        JsonNode report = new ObjectMapper().readTree(out.resolve("evaluation/evaluation.json").toFile());
        assertThat(report.get("cohort").get("slides").asInt()).isEqualTo(4);
        assertThat(report.get("cohort").get("classified").asInt()).isEqualTo(3);
        assertThat(report.get("cohort").get("failed")).extracting(JsonNode::asText).containsExactly("gone.tiff");
        assertThat(report.get("levels")).extracting(l -> l.get("level").asText()).contains("tile", "patient", "ensemble");
        assertThat(out.resolve("evaluation/summary.md")).exists();
        assertThat(first.out()).contains("Evaluation: ");
    }

    @Test
    void aReRunSkipsTheSlidesWhoseResultsVerifyAndChangesNoResult() throws Exception {
        Map<Path, byte[]> before = new HashMap<>();
        for (Path slide : good) {
            Path result = new ResultStore(out).location(slide);
            before.put(result, Files.readAllBytes(result));
        }
        CliRunner again = cohort(out);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.SOME_SLIDES_FAILED);
        assertThat(again.out()).contains("3 classified, 0 refused, 2 failed (3 saved results reused)");
        before.forEach((file, bytes) -> assertThat(HostileFixtures.bytes(file)).isEqualTo(bytes));
        // Results of other parameters are not reused (a copy, so that the other tests keep theirs).
        Path copy = Files.createDirectories(dir.resolve("other-seed"));
        for (Path file : before.keySet()) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        CliRunner otherSeed = cohort(copy, "--seed", "2");
        assertThat(otherSeed.out()).contains("(0 saved results reused)");
    }

    @Test
    void aBadCohortFileIsRefusedWithItsLine() throws Exception {
        Files.writeString(cohort.resolveSibling("dup.csv"), "slide,diagnosis\ncml-41.tiff,CML\ncml-41.tiff,AML\n");
        List<String> a = List.of("cohort", "--quality-model", MODELS + "/tiny-quality", "--classifier", MODELS + "/tiny-cnn",
                "--out", dir.resolve("bad").toString(), cohort.resolveSibling("dup.csv").toString());
        CliRunner dup = CliRunner.run(a.toArray(String[]::new));
        assertThat(dup.exitCode()).isEqualTo(ExitCodes.LABELS_INVALID);
        assertThat(dup.err()).contains("dup.csv, line 3: slide \"cml-41.tiff\" is already listed on line 2");
        Files.writeString(cohort.resolveSibling("typo.csv"), "slide,diagnosis\ncml-41.tiff,CMX\n");
        CliRunner typo = CliRunner.run(a.stream().map(s -> s.endsWith("dup.csv") ? cohort.resolveSibling("typo.csv")
                .toString() : s).toArray(String[]::new));
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.LABELS_INVALID);
        assertThat(typo.err()).contains("line 2: unknown diagnosis \"CMX\"");
    }

    @Test
    void aJobSparkCannotStartExits27WithSparksReasonAndWritesNoResult() throws Exception {
        Path elsewhere = dir.resolve("out-bad-master");
        CliRunner r = cohortAt("nowhere://at-all", elsewhere);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.COHORT_JOB_FAILED);
        assertThat(r.err()).contains("the Spark job failed").contains("nowhere://at-all").doesNotContain("\tat ");
        if (Files.isDirectory(elsewhere)) {
            try (var files = Files.list(elsewhere)) {
                assertThat(files.filter(p -> p.toString().endsWith(".marrowscope.json"))).isEmpty();
            }
        }
    }

    @Test
    void withoutSparkInstalledTheCommandExits26AndSaysWhereSparkIs() throws Exception {
        // The installation without Spark lacks the provider's service file (the main jar leaves it out); a class
        // loader that hides it stands for that installation in this JVM, whose test class path has Spark.
        String service = "META-INF/services/" + org.marrowscope.cohort.CohortEngine.class.getName();
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        ClassLoader withoutSpark = new ClassLoader(original) {
            @Override
            public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
                return name.equals(service) ? java.util.Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        Thread.currentThread().setContextClassLoader(withoutSpark);
        try {
            CliRunner r = cohort(dir.resolve("out-no-spark"));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SPARK_MISSING);
            assertThat(r.err()).contains("Spark is not part of this installation").contains("bin/marrowscope-spark");
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }
}
