package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;

/**
 * The desktop app on the real GTK toolkit, not Monocle: a separate JVM started as the launcher starts it, with
 * {@code -Dglass.platform=gtk} on an Xvfb display this test starts, opens a real slide and writes its readiness
 * marker and a screenshot. A system library missing from installer/linux/apt-packages.txt (GTK 3, GL, Xvfb,
 * OpenSlide) fails here, never skips.
 */
class RealToolkitTest {

    @TempDir
    Path tmp;

    @Test
    void appStartsOnGtkUnderXvfbAndShowsTheSlide() throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        assertThat(xvfb).as("Xvfb (package xvfb, installer/linux/apt-packages.txt)").isExecutable();
        Process server = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectError(tmp.resolve("xvfb.log").toFile()).start();
        try {
            String display = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(display).as("display number from Xvfb -displayfd").isNotNull().matches("\\d+");
            Path marker = tmp.resolve("ready.txt");
            Path log = tmp.resolve("app.log");
            Process app = app(":" + display, marker, log).start();
            boolean exited = app.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            assertThat(exited).as("app quit by itself after the marker; its output:%n%s", output).isTrue();
            assertThat(app.exitValue()).as("exit code; output:%n%s", output).isZero();
            assertThat(output).as("no missing-library or toolkit errors").doesNotContain("Unable to load glass GTK library",
                    "UnsatisfiedLinkError", "Exception in", "Graphics Device initialization failed");
            assertThat(marker).as("readiness marker; app output:%n%s", output).exists();
            String line = Files.readString(marker);
            assertThat(line).startsWith("ready platform=gtk ").contains("showing=true", "title=CMU-1-Small-Region.svs");
            int colours = Integer.parseInt(line.replaceAll("(?s).*colours=(\\d+).*", "$1"));
            assertThat(colours).as("distinct colours in the window (a blank window has one or two)").isGreaterThan(20);
            var shot = ImageIO.read(tmp.resolve("ready.txt.png").toFile());
            assertThat(shot.getWidth()).isGreaterThan(600);
            // The slide view (left of the side panel) shows the slide itself, not an empty grey pane.
            java.util.Set<Integer> inView = new java.util.HashSet<>();
            for (int y = shot.getHeight() / 4; y < shot.getHeight() * 3 / 4; y += 5) {
                for (int x = shot.getWidth() / 6; x < shot.getWidth() / 2; x += 5) {
                    inView.add(shot.getRGB(x, y));
                }
            }
            assertThat(inView).as("distinct colours in the middle of the slide view").hasSizeGreaterThan(50);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The launcher's command (bin/marrowscope): same class path, main class and native access, a slide argument. */
    private ProcessBuilder app(String display, Path marker, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-Dglass.platform=gtk", "-Dai.djl.offline=true",
                "-Dmarrowscope.readyFile=" + marker, "-Dmarrowscope.quitWhenReady=true",
                "-cp", System.getProperty("java.class.path"), "org.marrowscope.launcher.Main",
                TestData.slide("CMU-1-Small-Region.svs").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", display);
        env.remove("WAYLAND_DISPLAY");
        // The app keeps settings, recent slides and the DJL cache in the user's folders: a fresh home here.
        env.put("HOME", tmp.toString());
        env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        env.put("XDG_DATA_HOME", tmp.resolve("data").toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Files.createDirectories(tmp.resolve("config"));
        return pb;
    }
}
