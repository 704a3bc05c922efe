package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

    @Test
    void synthThenInfo(@TempDir Path tmp) {
        Path out = tmp.resolve("Knochenmark ü/all-5.tiff");
        assertThat(out.getParent().toFile().mkdirs()).isTrue();
        CliRunner synth = CliRunner.run("synth", "--class", "all", "--size", "2kx1500", "--seed", "5", "--no-progress",
                out.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        assertThat(synth.out()).contains("ALL, 2000 x 1500 px at 0.25 um/px").contains("all-5.truth.json");
        assertThat(out).exists();
        assertThat(tmp.resolve("Knochenmark ü/all-5.truth.json")).exists();
        CliRunner info = CliRunner.run("info", out.toString());
        assertThat(info.exitCode()).isZero();
        assertThat(info.out()).contains("generic-tiff").contains("0.2500 x 0.2500 um/px").contains("Objective   40x");
    }

    @Test
    void refusesBadArgumentsWithUsageCode(@TempDir Path tmp) throws Exception {
        assertThat(CliRunner.run("synth", "--class", "CLL", "--size", "2000x1500", "--seed", "1", tmp.resolve("a.tiff").toString())
                .err()).contains("unknown class 'CLL'");
        assertThat(CliRunner.run("synth", "--class", "AML", "--size", "2000", "--seed", "1", tmp.resolve("a.tiff").toString())
                .exitCode()).isEqualTo(2);
        assertThat(CliRunner.run("synth", "--class", "AML", "--size", "2000x1500", tmp.resolve("a.tiff").toString())
                .exitCode()).isEqualTo(2);
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }
}
