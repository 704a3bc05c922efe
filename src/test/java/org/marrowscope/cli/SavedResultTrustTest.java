package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.cli.HostileFixtures.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.pipeline.result.ResultVerifier;

/** Issue 12, items 4 and 6: a saved result is verified before reuse; one that fails is set aside and recomputed. */
class SavedResultTrustTest {

    static final ObjectMapper JSON = ResultStore.json();

    @TempDir
    static Path dir;

    static Path slide;

    @BeforeAll
    static void slide() {
        slide = HostileFixtures.synth(dir.resolve("aml.tiff"), "AML", 11);
    }

    /** Classifies into a fresh folder and returns the result file. */
    private static Path classified(Path out) {
        CliRunner r = classify("--out", out.toString(), slide.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ResultStore(out).location(slide);
    }

    /** Edits a saved result; with {@code redigest} the attacker also recomputes the content digest. */
    private static void edit(Path result, boolean redigest, Consumer<ObjectNode> change) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(result.toFile());
        change.accept(tree);
        if (redigest) {
            tree.remove(ResultVerifier.DIGEST_FIELD);
            byte[] compact = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
            tree.put(ResultVerifier.DIGEST_FIELD, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(compact)));
        }
        JSON.writeValue(result.toFile(), tree);
    }

    private static void assertSetAsideAndRecomputed(Path out, CliRunner again) throws Exception {
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("computed").doesNotContain("saved result reused");
        assertThat(again.err()).contains("warning: The result file").contains("set aside as").doesNotContain("\tat ");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".rejected-"))).hasSize(1);
        }
        ResultStore.read(new ResultStore(out).location(slide));
    }

    @Test
    void editedVotesAreNotReused(@TempDir Path out) throws Exception {
        Path result = classified(out);
        edit(result, false, t -> ((ArrayNode) t.get("ensemble").get("counts")).set(0, 999));
        assertSetAsideAndRecomputed(out, classify("--out", out.toString(), slide.toString()));
    }

    @Test
    void anEditedWinnerWithARecomputedDigestIsCaughtByTheVotes(@TempDir Path out) throws Exception {
        Path result = classified(out);
        JsonNode before = JSON.readTree(result.toFile());
        int winner = before.get("ensemble").get("winner").asInt();
        edit(result, true, t -> ((ObjectNode) t.get("ensemble")).put("winner", (winner + 1) % 5));
        CliRunner again = classify("--out", out.toString(), slide.toString());
        assertSetAsideAndRecomputed(out, again);
        assertThat(again.err()).contains("ensemble vote does not match the ROI labels");
        assertThat(again.out()).doesNotContain("margin -");
    }

    @Test
    void deletedRoisAreNotExportedAsAnEmptyGeoJson(@TempDir Path out) throws Exception {
        Path result = classified(out);
        edit(result, true, t -> ((ArrayNode) t.get("rois")).removeAll());
        CliRunner again = classify("--out", out.toString(), "--geojson", slide.toString());
        assertSetAsideAndRecomputed(out, again);
        JsonNode geo = JSON.readTree(ClassifyCommand.geoJsonFor(new ResultStore(out).location(slide)).toFile());
        assertThat(geo.get("features")).hasSize(4);
    }

    @Test
    void garbageInASavedResultDoesNotStopTheBatch(@TempDir Path out) throws Exception {
        Path other = HostileFixtures.synth(out.resolve("mm.tiff"), "MM", 12);
        Path result = classified(out);
        Files.writeString(result, "{\"formatVersion\": 1, \"rois\": [[[[[");
        CliRunner again = classify("--out", out.toString(), slide.toString(), other.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out().lines()).hasSize(2);
        assertThat(again.err()).contains("is not valid JSON").contains("set aside");
    }

    @Test
    void aSlideWhosePixelsChangedInPlaceIsNotReused(@TempDir Path out) throws Exception {
        Path other = HostileFixtures.synth(out.resolve("cml.tiff"), "CML", 13);
        Path field = HostileFixtures.bmp(out.resolve("field.bmp"), slide);
        long size = Files.size(field);
        // Beside the slide: one result file whatever the content, so only the identity check can refuse it.
        CliRunner first = classify("--mpp", "0.25", "--beside-slide", field.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        // Same dimensions, same byte size, same properties: only the pixels differ.
        Path tmp = HostileFixtures.bmp(out.resolve("tmp.bmp"), other);
        Files.write(field, Files.readAllBytes(tmp));
        assertThat(Files.size(field)).isEqualTo(size);
        CliRunner second = classify("--mpp", "0.25", "--beside-slide", field.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("computed").doesNotContain("reused");
        // The report: --force on that file exited 22. It recomputes like any other run.
        CliRunner forced = classify("--mpp", "0.25", "--beside-slide", "--force", field.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("computed").doesNotContain("reused");
        assertThat(forced.err()).doesNotContain("\tat ");
    }

    @Test
    void reportRefusesACraftedResultWithAMessage(@TempDir Path out) throws Exception {
        Path result = classified(out);
        Path crafted = out.resolve("crafted.json");
        Files.copy(result, crafted);
        edit(crafted, true, t -> ((ObjectNode) t.get("rois").get(0)).putNull("probabilities"));
        CliRunner r = CliRunner.run("report", slide.toString(), "--result", crafted.toString(), "-o",
                out.resolve("r.pdf").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.RESULT_INVALID);
        assertThat(r.err()).contains("crafted.json").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(out.resolve("r.pdf")).doesNotExist();
        Files.writeString(crafted, "[1, 2, 3]");
        CliRunner array = CliRunner.run("report", slide.toString(), "--result", crafted.toString(), "-o",
                out.resolve("r.pdf").toString());
        assertThat(array.exitCode()).isEqualTo(ExitCodes.RESULT_INVALID);
    }
}
