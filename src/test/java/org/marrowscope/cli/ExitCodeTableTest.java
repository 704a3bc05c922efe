package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.cli.HostileFixtures.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;
import org.marrowscope.slide.IdentifyingProperties;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;
import picocli.CommandLine;

/**
 * Issue 12, item 8: every exit code in the README's table, with a message that names the file and the problem and
 * never a stack trace (except 1, a bug, whose trace is what a report needs). Codes a process decides once (4, 16,
 * 130) are in {@link ExitCodesOfTheProcessTest}. 17 and 18 guard the slide API against misuse that no command
 * makes, so a probe command under the real failure handler provokes them with real slides; 1 likewise.
 */
class ExitCodeTableTest {

    @TempDir
    static Path dir;

    static Path slide;

    @BeforeAll
    static void slide() {
        slide = HostileFixtures.synth(dir.resolve("ok.tiff"), "CML", 31);
    }

    private static void assertCode(CliRunner r, int code, String... messageParts) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception:");
        if (messageParts.length > 0) {
            assertThat(r.err()).contains(messageParts);
        }
    }

    @Test
    void code0And3() throws Exception {
        assertCode(classify("--out", dir.resolve("o0").toString(), slide.toString()), 0);
        assertCode(classify("--out", dir.resolve("o3").toString(), dir.resolve("missing.tiff").toString(), slide.toString()),
                3, "missing.tiff");
    }

    @Test
    void code2() {
        assertCode(CliRunner.run("classify", "--no-such-option", slide.toString()), 2, "--no-such-option");
        assertCode(classify("--stain-reference", dir.resolve("ref.png").toString(), slide.toString()), 2,
                "--stain-reference " + dir.resolve("ref.png") + ": no such file");
    }

    @Test
    void codes10To15() throws Exception {
        assertCode(CliRunner.run("info", dir.resolve("none.svs").toString()), 10, "none.svs");
        assertCode(CliRunner.run("info", dir.toString()), 11, "is a folder");
        assertCode(CliRunner.run("info", Files.createFile(dir.resolve("empty.svs")).toString()), 12, "empty (0 bytes)");
        byte[] junk = new byte[4096];
        new java.util.Random(3).nextBytes(junk);
        assertCode(CliRunner.run("info", Files.write(dir.resolve("junk.svs"), junk).toString()), 13, "not a slide format");
        byte[] whole = Files.readAllBytes(slide);
        Path truncated = Files.write(dir.resolve("truncated.tiff"), Arrays.copyOf(whole, 2000));
        assertCode(CliRunner.run("info", truncated.toString()), 14, "looks like a TIFF file but is damaged");
        assertCode(classify("--out", dir.resolve("o15").toString(), TestData.slide("unreadable.svs").toString()), 15,
                "unreadable.svs");
    }

    @Test
    void code19AResolutionIsMissing() throws Exception {
        Path field = HostileFixtures.bmp(dir.resolve("field.bmp"), slide);
        assertCode(classify("--out", dir.resolve("o19").toString(), field.toString()), 19, "does not state its resolution",
                "--mpp");
    }

    @Test
    void codes20And21And24() throws Exception {
        assertCode(classify("--out", "/proc/marrowscope-no", slide.toString()), 20, "Cannot write in --out");
        assertCode(CliRunner.run("classify", "--models", dir.resolve("no-models").toString(), slide.toString()), 21,
                "no-models");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"formatVersion\": 2}");
        assertCode(CliRunner.run("report", slide.toString(), "--result", bad.toString(), "-o", dir.resolve("r.pdf").toString()),
                24, "bad.json", "content digest");
    }

    @Test
    void code25APictureTooLargeToDecode() throws Exception {
        Path png = Files.write(dir.resolve("huge.png"), org.marrowscope.slide.CraftedPng.of(30_000, 30_000, 16, 6));
        assertCode(CliRunner.run("info", png.toString()), 25, "huge.png", "tiled pyramidal format");
    }

    /** A command whose body the test supplies, run under the real command line's failure handling. */
    @CommandLine.Command(name = "probe")
    static final class Probe implements java.util.concurrent.Callable<Integer> {
        private final java.util.concurrent.Callable<Integer> body;

        Probe(java.util.concurrent.Callable<Integer> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.call();
        }
    }

    private static CliRunner probe(java.util.concurrent.Callable<Integer> body) {
        CommandLine cli = MarrowScopeCommand.commandLine();
        cli.addSubcommand("probe", new Probe(body));
        return CliRunner.run(cli, "probe");
    }

    @Test
    void code1ABugGetsItsTraceAndTheReportRequest() {
        CliRunner r = probe(() -> List.<Integer>of().getFirst());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err()).contains("internal error").contains("NoSuchElementException").contains("\tat ");
    }

    @Test
    void code17ASlideReadAfterItWasClosed() {
        CliRunner r = probe(() -> {
            Slide s = Slides.open(slide);
            s.close();
            s.readRegion(0, 0, 0, 64, 64);
            return 0;
        });
        assertCode(r, 17, "ok.tiff has been closed");
    }

    @Test
    void code18AnInvalidRequest() {
        CliRunner r = probe(() -> {
            try (Slide s = Slides.open(slide)) {
                s.readRegion(s.levelCount(), 0, 0, 64, 64);
            }
            return 0;
        });
        assertCode(r, 18, "Level", "does not exist");
        CliRunner empty = probe(() -> {
            try (Slide s = Slides.open(slide)) {
                s.readRegion(0, 0, 0, 0, 64);
            }
            return 0;
        });
        assertCode(empty, 18, "0x64 pixels");
    }

    @Test
    void code22ATileThatFailsMidRun() throws Exception {
        // The slide opens and its identity tiles read, but the tiles stage 1 reads are garbage on disk.
        Path damaged = DamagedTiles.garbleAllButSampledTiles(Files.copy(slide, dir.resolve("mid.tiff")));
        CliRunner r = classify("--exhaustive", "--out", dir.resolve("o22").toString(), damaged.toString());
        assertCode(r, 22, "mid.tiff", "reading a tile failed");
        assertThat(dir.resolve("o22")).isEmptyDirectory();
    }

    @Test
    void infoHidesIdentifyingPropertiesUnlessAsked() {
        CliRunner hidden = CliRunner.run("info", TestData.slide("CMU-1-Small-Region.svs").toString());
        assertThat(hidden.exitCode()).isZero();
        assertThat(hidden.out()).contains("aperio.User = " + IdentifyingProperties.HIDDEN)
                .contains("aperio.Filename = " + IdentifyingProperties.HIDDEN).contains("aperio.AppMag = 20");
        CliRunner shown = CliRunner.run("info", "--show-identifying", TestData.slide("CMU-1-Small-Region.svs").toString());
        assertThat(shown.out()).doesNotContain(IdentifyingProperties.HIDDEN).contains("aperio.Filename = CMU-1");
    }
}
