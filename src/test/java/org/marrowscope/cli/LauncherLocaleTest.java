package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 9: non-ASCII slide paths work under LANG=C, because the launcher gives Java a UTF-8 locale. */
class LauncherLocaleTest {

    @TempDir
    Path tmp;

    private static String run(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out + "exit=" + p.exitValue();
    }

    @Test
    void theLauncherGivesJavaAUtf8LocaleUnderLangC() throws Exception {
        // A stand-in java that reports its version and then the locale it was started with.
        Path fake = tmp.resolve("java");
        Files.writeString(fake, "#!/bin/sh\ncase \"$*\" in *XshowSettings*) echo '    java.specification.version = 25'; exit 0;;"
                + " esac\necho \"LC_ALL=$LC_ALL\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        String out = run(Map.of("LANG", "C", "MARROWSCOPE_JAVA", fake.toString()),
                List.of("sh", Path.of("src/dist/bin/marrowscope").toAbsolutePath().toString(), "--version"));
        assertThat(out).contains("LC_ALL=C.UTF-8");
    }

    @Test
    void underThatLocaleJavaOpensANonAsciiPath() throws Exception {
        Path slide = Files.copy(org.marrowscope.TestData.slide("small.svs"), tmp.resolve("Präparat Müller ß.svs"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "org.marrowscope.launcher.Main", "info", "--no-properties",
                slide.toString());
        String out = run(Map.of("LANG", "C", "LC_ALL", "C.UTF-8"), command);
        assertThat(out).contains("Präparat Müller ß.svs").contains("aperio").endsWith("exit=0");
    }
}
