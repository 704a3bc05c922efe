package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;

class InfoCommandTest {

    @Test
    void textInfoOfAnAperioSlide() {
        CliRunner r = CliRunner.run("info", TestData.slide("CMU-1-Small-Region.svs").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Format      aperio")
                .contains("Size        2220 x 2967 px (1.11 x 1.48 mm)")
                .contains("0.4990 x 0.4990 um/px (from openslide.mpp-x/y)")
                .contains("Objective   20x")
                .containsPattern("label .*may show patient identity")
                .contains("openslide.vendor = aperio");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonInfoIsMachineReadable() throws Exception {
        CliRunner r = CliRunner.run("info", "--json", TestData.slide("boxes.tiff").toString());
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("format").asText()).isEqualTo("generic-tiff");
        assertThat(json.get("levels")).hasSize(4);
        assertThat(json.get("width").asLong()).isEqualTo(300);
        assertThat(json.get("properties").get("openslide.vendor").asText()).isEqualTo("generic-tiff");
    }

    @Test
    void eachFailureHasItsOwnExitCodeAndNoStackTrace(@TempDir Path tmp) throws Exception {
        assertFailure(CliRunner.run("info", tmp.resolve("missing.svs").toString()), 10, "No such file");
        assertFailure(CliRunner.run("info", tmp.toString()), 11, "is a folder");
        assertFailure(CliRunner.run("info", Files.createFile(tmp.resolve("zero.svs")).toString()), 12, "empty");
        assertFailure(CliRunner.run("info", Files.writeString(tmp.resolve("notes.svs"), "hello").toString()), 13,
                "not a slide format");
        assertFailure(CliRunner.run("info", TestData.slide("unopenable.tiff").toString()), 14, "damaged");
    }

    @Test
    void badUsageIsExitCodeTwo() {
        CliRunner r = CliRunner.run("info");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'SLIDE'");
        assertThat(CliRunner.run("info", "--frobnicate", "x").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("no-such-command").exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("no-such-command").err()).contains("Unknown command or file: 'no-such-command'");
        // A slide argument without a command opens the app; a missing one is reported without a window.
        CliRunner missing = CliRunner.run("/no/such/slide.svs");
        assertThat(missing.exitCode()).isEqualTo(10);
        assertThat(missing.err()).contains("No such file: /no/such/slide.svs");
    }

    @Test
    void versionNamesTheOpenSlideLibrary() {
        CliRunner r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("OpenSlide \\d+\\.\\d+");
    }

    private static void assertFailure(CliRunner r, int code, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("marrowscope: ").contains(message).doesNotContain("\tat ");
    }
}
