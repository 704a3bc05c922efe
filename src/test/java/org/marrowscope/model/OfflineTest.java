package org.marrowscope.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing downloads: a fresh JVM with empty DJL cache folders starts PyTorch from the natives inside the
 * pytorch-native-cpu jar, in offline mode, with every network route instrumented.
 */
class OfflineTest {

    @TempDir
    Path temp;

    @Test
    void enginesStartFromTheBundledNativesWithoutNetwork() throws Exception {
        Path cache = temp.resolve("djl");
        Path engines = temp.resolve("engines");
        List<String> out = probe(cache, engines);
        assertThat(out).contains("NETWORK=0", "OFFLINE=true", "CLASSES=5")
                .noneMatch(l -> l.startsWith("NETWORK_ATTEMPT"))
                .anyMatch(l -> l.startsWith("INFO=PyTorch 2.7.1 on "));

        // The cache holds exactly what the jars carry: the libraries named in the natives jar and the JNI glue.
        Properties bundled = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            bundled.load(in);
        }
        Set<String> expected = new HashSet<>(Arrays.asList(bundled.getProperty("libraries").split(",")));
        expected.add("0.36.0-libdjl_torch.so");
        Path natives = engines.resolve("pytorch").resolve(bundled.getProperty("version") + "-"
                + bundled.getProperty("flavor") + "-" + bundled.getProperty("classifier"));
        assertThat(out).contains("NATIVES=" + natives);
        try (Stream<Path> files = Files.walk(engines)) {
            Set<Path> all = files.filter(Files::isRegularFile).collect(Collectors.toSet());
            assertThat(all.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .isEqualTo(expected);
            assertThat(all).allMatch(p -> p.getParent().equals(natives));
        }
        assertThat(cache).satisfiesAnyOf(c -> assertThat(c).doesNotExist(), c -> assertThat(c).isEmptyDirectory());
    }

    @Test
    void refusesToStartWhenDjlWouldDownloadNatives() throws Exception {
        List<String> out = probe(temp.resolve("djl"), temp.resolve("engines"), "-DPYTORCH_VERSION=2.5.1");
        assertThat(out).contains("NETWORK=0").anyMatch(l -> l.startsWith("REFUSED=")
                && l.contains("PyTorch cannot start without downloading") && l.contains("PYTORCH_VERSION=2.5.1"));
        assertThat(temp.resolve("engines")).doesNotExist();
    }

    private static List<String> probe(Path cache, Path engines, String... extra) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" + engines,
                // Any raw socket would go through this closed SOCKS port and fail.
                "-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=9"));
        cmd.addAll(List.of(extra));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), OfflineProbe.class.getName(),
                TestFixtures.models("tiny-cnn").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.environment().remove("PYTORCH_VERSION");
        pb.environment().remove("DJL_OFFLINE");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> lines = text.lines().toList();
        assertThat(lines).as(text).contains("NETWORK=0");
        return lines;
    }
}
