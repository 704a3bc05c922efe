package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.cli.HostileFixtures.bytes;
import static org.marrowscope.cli.HostileFixtures.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.result.ResultStore;

/** Issue 12, items 1, 5, 8 and 9: no output lands on an input, a slide or another output; checks come first. */
class InputsAreSacredTest {

    @TempDir
    static Path dir;

    static Path a;
    static Path b;

    @BeforeAll
    static void slides() {
        a = HostileFixtures.synth(dir.resolve("a.tiff"), "AML", 5);
        b = HostileFixtures.synth(dir.resolve("b.tiff"), "MM", 6);
        // Beside the slide, so that report's checks below meet a result next to the slides it must never replace.
        CliRunner r = classify("--beside-slide", a.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void csvNamingAnInputSlideIsRefusedBeforeAnyWork(@TempDir Path out) {
        byte[] before = bytes(a);
        CliRunner r = classify("--out", out.resolve("res").toString(), "--csv", a.toString(), a.toString(), b.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--csv " + a).contains("which this command reads").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(bytes(a)).isEqualTo(before);
    }

    @Test
    void csvOverAnotherSlideOrAForeignFileIsRefusedUnlessOverwrite(@TempDir Path out) throws Exception {
        Path other = Files.copy(b, out.resolve("other.svs"));
        CliRunner slide = classify("--out", out.toString(), "--csv", other.toString(), a.toString());
        assertThat(slide.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(slide.err()).contains("looks like a slide");
        Path notes = Files.writeString(out.resolve("notes.csv"), "patient,notes\n");
        CliRunner foreign = classify("--out", out.toString(), "--csv", notes.toString(), a.toString());
        assertThat(foreign.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(foreign.err()).contains("is not a MarrowScope CSV table").contains("--overwrite");
        assertThat(Files.readString(notes)).isEqualTo("patient,notes\n");
        CliRunner allowed = classify("--out", out.toString(), "--csv", notes.toString(), "--overwrite", a.toString());
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(Files.readString(notes)).startsWith("slide,exitCode");
    }

    @Test
    void reportNeverReplacesTheSlideOrTheResult(@TempDir Path out) throws Exception {
        Path result = new ResultStore(null).location(a);
        byte[] slideBefore = bytes(a);
        byte[] resultBefore = bytes(result);
        CliRunner onSlide = CliRunner.run("report", a.toString(), "-o", a.toString());
        assertThat(onSlide.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(onSlide.err()).contains("which this command reads");
        CliRunner onResult = CliRunner.run("report", a.toString(), "-o", result.toString());
        assertThat(onResult.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner onOtherSlide = CliRunner.run("report", a.toString(), "-o", b.toString(), "--overwrite");
        assertThat(onOtherSlide.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(onOtherSlide.err()).contains("never replaces slides");
        assertThat(bytes(a)).isEqualTo(slideBefore);
        assertThat(bytes(result)).isEqualTo(resultBefore);
        Path text = Files.writeString(out.resolve("letter.pdf"), "not a pdf");
        CliRunner foreign = CliRunner.run("report", a.toString(), "-o", text.toString());
        assertThat(foreign.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(text)).isEqualTo("not a pdf");
    }

    @Test
    void controlCharactersInCaseFieldsAreEscapedNotFatal(@TempDir Path out) throws Exception {
        Path pdf = out.resolve("case.pdf");
        CliRunner r = CliRunner.run("report", a.toString(), "-o", pdf.toString(), "--case-id", "BM\u0007-1\u001b[31m",
                "--comment", "line one\nline two", "--models", HostileFixtures.MODELS, "--device", "cpu");
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("BM\\u0007-1\\u001b[31m");
        }
    }

    @Test
    void outThatIsAFileOrCannotBeWrittenIsReportedFirst(@TempDir Path out) throws Exception {
        Path file = Files.writeString(out.resolve("file"), "x");
        CliRunner r = classify("--out", file.toString(), a.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--out " + file + " is a file, not a folder");
        // /proc refuses new folders even to root; elsewhere a read-only folder does.
        Path unwritable = Path.of("/proc/marrowscope-test-out");
        CliRunner ro = classify("--out", unwritable.toString(), a.toString());
        assertThat(ro.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(ro.err()).contains("Cannot write in --out " + unwritable);
        assertThat(ro.out()).isEmpty();
    }

    @Test
    void sameFileNameInTwoFoldersGetsTwoResults(@TempDir Path out) throws Exception {
        Path one = Files.copy(a, Files.createDirectories(out.resolve("case1")).resolve("slide.tiff"));
        Path two = Files.copy(b, Files.createDirectories(out.resolve("case2")).resolve("slide.tiff"));
        Path results = out.resolve("results");
        Path csv = out.resolve("summary.csv");
        CliRunner r = classify("--out", results.toString(), "--csv", csv.toString(), one.toString(), two.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        ResultStore store = new ResultStore(results);
        assertThat(store.location(one)).isNotEqualTo(store.location(two)).exists();
        assertThat(store.location(two)).exists();
        assertThat(ResultStore.read(store.location(one)).slide().sameSlideAs(ResultStore.read(store.location(two)).slide()))
                .isFalse();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains(store.location(one).getFileName().toString());
        assertThat(rows.get(2)).contains(store.location(two).getFileName().toString());
    }

    @Test
    void resultStoresNoFolderPath(@TempDir Path out) throws Exception {
        Path copy = Files.copy(a, Files.createDirectories(out.resolve("Doe, Jane")).resolve("a.tiff"));
        CliRunner r = classify("--out", out.resolve("r").toString(), copy.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String saved = Files.readString(new ResultStore(out.resolve("r")).location(copy));
        assertThat(saved).doesNotContain("Doe, Jane").contains("\"path\" : \"a.tiff\"").contains("pixelsSha256");
    }

    @Test
    void aNewlineInAFileNameCannotForgeAResultLine(@TempDir Path out) throws Exception {
        Path forged = Files.copy(a, out.resolve("x\nb.tiff: MM (ensemble 100% of 8 votes).tiff"));
        CliRunner r = classify("--out", out.resolve("r").toString(), forged.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(1);
        assertThat(r.out()).startsWith("x\\u000ab.tiff: MM (ensemble 100% of 8 votes).tiff: ");
        CliRunner json = classify("--out", out.resolve("r").toString(), "--json", forged.toString());
        assertThat(json.out().lines().toList()).hasSize(1);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("slide").asText())
                .isEqualTo(forged.toString());
    }

    @Test
    void csvCellsThatLookLikeFormulasAreQuoted() throws Exception {
        BatchRow row = BatchRow.failure(Path.of("=HYPERLINK(\"http://x\").tiff"), 13, "+cmd|' /C calc'!A0");
        String csv = new String(BatchRow.csv(List.of(row)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().toList().get(1)).startsWith("\"'=HYPERLINK").contains("'+cmd");
        assertThat(BatchRow.cell("-1")).isEqualTo("'-1");
        assertThat(BatchRow.cell("a.tiff")).isEqualTo("a.tiff");
    }

    @Test
    void partFilesLeftByAKilledRunAreRemovedAtTheNextStart(@TempDir Path out) throws Exception {
        Path results = Files.createDirectories(out.resolve("r"));
        Path stale = Files.writeString(results.resolve(".a.tiff.marrowscope.json.1f2e3d4c.part"), "{\"half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
        Path live = Files.writeString(results.resolve(".b.tiff.marrowscope.json.5a6b.part"), "{\"writing");
        CliRunner r = classify("--out", results.toString(), a.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
    }
}
