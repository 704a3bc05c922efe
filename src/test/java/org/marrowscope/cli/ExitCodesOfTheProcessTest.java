package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;
import org.marrowscope.pipeline.result.ResultStore;

/**
 * Exit codes decided once per process, so each runs the real launcher ({@code org.marrowscope.launcher.Main}) in a
 * fresh JVM: 4 (no display for the desktop app), 16 (the OpenSlide library named by the user is missing) and 130
 * (Ctrl+C during a batch).
 */
class ExitCodesOfTheProcessTest {

    @TempDir
    Path tmp;

    private static ProcessBuilder launcher(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add("org.marrowscope.launcher.Main");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        return pb;
    }

    private static String finish(Process p) throws Exception {
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(all).isTrue();
        return all;
    }

    @Test
    void code4TheDesktopAppWithoutADisplay() throws Exception {
        Process p = launcher(List.of()).redirectErrorStream(true).start();
        String out = finish(p);
        assertThat(p.exitValue()).as(out).isEqualTo(ExitCodes.NO_DISPLAY);
        assertThat(out).contains("no graphical display").contains("xvfb-run").doesNotContain("\tat ");
    }

    @Test
    void code16TheOpenSlideLibraryIsMissing() throws Exception {
        Path missing = tmp.resolve("lib").resolve("libopenslide.so.0");
        Process p = launcher(List.of("-Dmarrowscope.openslide.library=" + missing), "info",
                TestData.slide("small.svs").toString()).redirectErrorStream(true).start();
        String out = finish(p);
        assertThat(p.exitValue()).as(out).isEqualTo(16);
        assertThat(out).contains("The OpenSlide library was not found (tried " + missing + ")")
                .contains("apt-get install libopenslide0").doesNotContain("\tat ");
    }

    @Test
    void code130CtrlCDuringABatchStopsItAndLeavesNothingHalfWritten() throws Exception {
        Path slide = HostileFixtures.synth(tmp.resolve("cml.tiff"), "CML", 41);
        List<String> args = new ArrayList<>(List.of("classify", "--quality-model", HostileFixtures.MODELS + "/tiny-quality",
                "--classifier", HostileFixtures.MODELS + "/tiny-cnn", "--rois", "4", "--no-progress", "--device", "cpu",
                "--exhaustive", "--out", tmp.resolve("out").toString()));
        for (int i = 0; i < 30; i++) {
            args.add(Files.copy(slide, tmp.resolve("s" + i + ".tiff")).toString());
        }
        Path err = tmp.resolve("stderr.txt");
        Process p = launcher(List.of(), args.toArray(String[]::new)).redirectError(err.toFile()).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            // Ctrl+C once the first slide is done, so the batch is surely under way and not finished.
            lines.add(out.readLine());
            assertThat(lines.getFirst()).as(Files.readString(err)).startsWith("s0.tiff: ");
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as(stderr).isEqualTo(ExitCodes.CANCELLED);
        assertThat(stderr).contains(": cancelled").doesNotContain("\tat ");
        assertThat(lines.size()).isLessThan(30);
        try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).allMatch(n -> n.endsWith(ResultStore.SUFFIX));
            assertThat(names).hasSize(lines.size());
        }
    }
}
