package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.pipeline.result.ResultVerifier;

/**
 * Issue 12, the batch: 50 slides with one poisoned saved result, one corrupted bundle, two slides with one file name
 * and one unreadable slide. By default the corrupted bundle stops the run before any work (exit 21, naming it,
 * nothing written); with {@code --skip-failed-bundles} every other slide is classified by the remaining bundles, every
 * problem is reported (the bundle in every result, line and CSV row), nothing is overwritten, and the run exits 3.
 */
class HostileBatchTest {

    static final ObjectMapper JSON = ResultStore.json();

    @TempDir
    Path tmp;

    @Test
    void fiftySlidesWithEveryKindOfTrouble() throws Exception {
        long start = System.nanoTime();
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        String[] classes = {"ALL", "AML", "CML", "Lymphoma", "MM"};
        List<Path> distinct = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            distinct.add(HostileFixtures.synth(tmp.resolve("src-" + i + ".tiff"), classes[i % 5], 400 + i));
        }
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 47; i++) {
            inputs.add(Files.copy(distinct.get(i % 4), batch.resolve(String.format("s%02d.tiff", i))).toString());
        }
        Path dupA = Files.copy(distinct.get(4), Files.createDirectories(batch.resolve("ward-a")).resolve("dup.tiff"));
        Path dupB = Files.copy(distinct.get(5), Files.createDirectories(batch.resolve("ward-b")).resolve("dup.tiff"));
        inputs.add(dupA.toString());
        inputs.add(dupB.toString());
        Path broken = Files.write(batch.resolve("broken.tiff"), Arrays.copyOf(Files.readAllBytes(distinct.get(0)), 3000));
        inputs.add(broken.toString());
        assertThat(inputs).hasSize(50);

        Path good = Files.createDirectories(tmp.resolve("models-good"));
        Path bad = Files.createDirectories(tmp.resolve("models-bad"));
        for (String b : new String[] {"tiny-quality", "tiny-cnn", "tiny-resnet"}) {
            BundleExitCodesTest.copyBundle(Path.of(HostileFixtures.MODELS, b), good.resolve(b));
            BundleExitCodesTest.copyBundle(Path.of(HostileFixtures.MODELS, b), bad.resolve(b));
        }
        Path corrupted = BundleExitCodesTest.copyBundle(Path.of(HostileFixtures.MODELS, "tiny-resnet"), bad.resolve("tiny-resnet-2"));
        Files.write(corrupted.resolve("head.pt"), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);

        Path out = tmp.resolve("out");
        // One slide's saved result is poisoned: its winner edited and its digest recomputed, as an attacker would.
        CliRunner first = run(good, out, List.of(inputs.getFirst()));
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path poisoned = new ResultStore(out).location(Path.of(inputs.getFirst()));
        ObjectNode tree = (ObjectNode) JSON.readTree(poisoned.toFile());
        JsonNode ensemble = tree.get("ensemble");
        if (ensemble != null && !ensemble.isNull()) {
            ((ObjectNode) ensemble).put("winner", (ensemble.get("winner").asInt() + 1) % 5);
        } else {
            ((ObjectNode) tree.get("selection")).put("atHigh", 999);
        }
        tree.remove(ResultVerifier.DIGEST_FIELD);
        tree.put(ResultVerifier.DIGEST_FIELD, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree))));
        JSON.writeValue(poisoned.toFile(), tree);

        Map<Path, String> before = hashes(tmp);
        Map<Path, String> outBefore = hashes(out, null);

        CliRunner refused = run(bad, out, inputs);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(refused.err()).contains("tiny-resnet-2").contains("head.pt").contains("SHA-256 mismatch")
                .doesNotContain("\tat ");
        assertThat(refused.out()).isEmpty();
        assertThat(hashes(tmp)).isEqualTo(before);
        assertThat(hashes(out, null)).as("nothing written before the refusal").isEqualTo(outBefore);

        long batchStart = System.nanoTime();
        CliRunner r = run(bad, out, inputs, "--skip-failed-bundles");
        double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SOME_SLIDES_FAILED);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("internal error");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(50);
        Map<Integer, Integer> byCode = new TreeMap<>();
        lines.forEach(l -> byCode.merge(l.get("exitCode").asInt(), 1, Integer::sum));
        assertThat(byCode).containsEntry(0, 49).containsEntry(14, 1);
        assertThat(lines.getLast().get("slide").asText()).endsWith("broken.tiff");
        assertThat(r.err()).contains("broken.tiff: The file").contains("looks like a TIFF file but is damaged");
        assertThat(r.err()).contains("s00.tiff: warning: The result file").contains("is inconsistent")
                .contains("set aside as");
        // The corrupted bundle: named once on stderr, and in every slide's line, result and CSV row.
        assertThat(r.err()).containsOnlyOnce("warning: model bundle tiny-resnet-2 left out (--skip-failed-bundles): head.pt:"
                + " SHA-256 mismatch");
        String reason = "ensemble of 2 of 3 classifiers: tiny-resnet-2 left out (head.pt: SHA-256 mismatch";
        for (JsonNode line : lines) {
            if (line.get("exitCode").asInt() == 0) {
                assertThat(line.get("leftOutModels").asText()).as(line.toString()).startsWith("tiny-resnet-2 (head.pt: SHA-256");
                if (line.get("status").asText().equals("classified")) {
                    assertThat(line.get("uncertain").asBoolean()).isTrue();
                    assertThat(line.get("message").asText()).contains(reason);
                }
                var saved = ResultStore.read(Path.of(line.get("resultFile").asText()));
                assertThat(saved.leftOutModels()).singleElement().satisfies(m -> {
                    assertThat(m.name()).isEqualTo("tiny-resnet-2");
                    assertThat(m.role()).isEqualTo("classifier");
                });
                assertThat(saved.classifiers()).hasSize(2);
            }
        }
        assertThat(lines.stream().filter(l -> l.get("status").asText().equals("classified"))).isNotEmpty();
        assertThat(lines.getFirst().get("reused").asBoolean()).isFalse();

        ResultStore store = new ResultStore(out);
        assertThat(store.location(dupA)).isNotEqualTo(store.location(dupB));
        assertThat(ResultStore.read(store.location(dupA)).slide().sameSlideAs(ResultStore.read(store.location(dupB)).slide()))
                .isFalse();
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names.stream().filter(n -> n.endsWith(ResultStore.SUFFIX))).hasSize(49);
            assertThat(names.stream().filter(n -> n.contains(".rejected-"))).hasSize(1);
            assertThat(names.stream().filter(n -> n.endsWith(".part"))).isEmpty();
        }
        for (String in : inputs) {
            assertThat(hashes(tmp).get(Path.of(in))).as(in).isEqualTo(before.get(Path.of(in)));
        }
        assertThat(hashes(tmp)).as("no slide, source or bundle changed").isEqualTo(before);
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(csv).hasSize(51);
        assertThat(csv.getFirst()).contains("leftOutModels");
        assertThat(csv.stream().filter(l -> l.contains("tiny-resnet-2 (head.pt: SHA-256 mismatch"))).hasSize(49);

        Map<String, Long> status = new LinkedHashMap<>();
        lines.forEach(l -> status.merge(l.get("status").asText(), 1L, Long::sum));
        System.out.printf(java.util.Locale.ROOT, "hostile batch: 50 slides, exit %d, outcomes by exit code %s, status %s;"
                + " poisoned result set aside and recomputed; corrupted bundle refused before work (exit 21), then left out"
                + " with --skip-failed-bundles and named in every result; batch %.1f s,"
                + " test %.1f s%n", r.exitCode(), byCode, status, batchSeconds, (System.nanoTime() - start) / 1e9);
    }

    private static CliRunner run(Path models, Path out, List<String> slides, String... options) {
        List<String> a = new ArrayList<>(List.of("classify", "--models", models.toString(), "--rois", "4", "--no-progress",
                "--device", "cpu", "--json", "--out", out.toString(), "--csv", out.resolve("summary.csv").toString()));
        a.addAll(List.of(options));
        a.addAll(slides);
        return CliRunner.run(a.toArray(String[]::new));
    }

    /** SHA-256 of every file under the folder except the results folder's output. */
    private static Map<Path, String> hashes(Path root) throws Exception {
        return hashes(root, root.resolve("out"));
    }

    /** SHA-256 of every file under the folder, except those under {@code except} (null: none). */
    private static Map<Path, String> hashes(Path root, Path except) throws Exception {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (except == null || !f.startsWith(except)) {
                    out.put(f, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                }
            }
        }
        return out;
    }
}
