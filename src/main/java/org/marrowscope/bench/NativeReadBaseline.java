package org.marrowscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The minimal C program that makes the same reads straight through libopenslide; compiled on the spot
 * with the system C compiler, so the baseline runs against the very library our binding loads.
 */
public final class NativeReadBaseline implements AutoCloseable {

    private static final Pattern RESULT = Pattern.compile("reads_per_second=([0-9.]+)");

    private final Path workDir;
    private final Path executable;

    private NativeReadBaseline(Path workDir, Path executable) {
        this.workDir = workDir;
        this.executable = executable;
    }

    /** Compiles the baseline; fails with the compiler's output when no C compiler or library is available. */
    public static NativeReadBaseline compile() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("marrowscope-bench");
        Path source = dir.resolve("openslide_read_bench.c");
        try (InputStream in = NativeReadBaseline.class.getResourceAsStream("openslide_read_bench.c")) {
            if (in == null) {
                throw new IOException("baseline source missing from the jar");
            }
            Files.copy(in, source);
        }
        Path exe = dir.resolve("openslide_read_bench");
        String library = System.getProperty("marrowscope.openslide.library", "libopenslide.so.0");
        for (String lib : List.of(library, "libopenslide.so.1")) {
            Process p = new ProcessBuilder("cc", "-O2", "-o", exe.toString(), source.toString(), "-l:" + lib, "-lpthread")
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                return new NativeReadBaseline(dir, exe);
            }
            if (lib.equals("libopenslide.so.1")) {
                throw new IOException("could not compile the C baseline (needs cc and libopenslide): " + output);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    public double readsPerSecond(Path slide, List<ReadBenchmark.Position> positions, int threads, int size)
            throws IOException, InterruptedException {
        Path list = workDir.resolve("positions.txt");
        Files.writeString(list, positions.stream().map(p -> p.x() + " " + p.y()).collect(Collectors.joining("\n")) + "\n");
        Process p = new ProcessBuilder(executable.toString(), slide.toAbsolutePath().toString(), list.toString(),
                Integer.toString(threads), Integer.toString(size)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("C baseline failed: " + output.strip());
        }
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IOException("C baseline printed no result: " + output.strip());
        }
        return Double.parseDouble(m.group(1));
    }

    @Override
    public void close() throws IOException {
        try (var files = Files.list(workDir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(workDir);
    }
}
