package org.marrowscope.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearRenderer;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "synth", mixinStandardHelpOptions = true,
        header = "Time and memory to write a synthetic slide against rendering it.",
        description = {"Time and peak memory to write a synthetic slide, against rendering the same pixels without",
            "writing them (the baseline), and peak heap against the size of the level-0 image it never holds."})
final class BenchSynthCommand implements Callable<Integer> {

    @Option(names = "--size", defaultValue = "40000x30000", converter = SizeConverter.class,
            description = "Slide size (default: ${DEFAULT-VALUE}).")
    SizeConverter.Size size;

    @Option(names = "--class", defaultValue = "AML", converter = SmearClassConverter.class, description = "Class (default: ${DEFAULT-VALUE}).")
    SmearClass smearClass;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--out", description = "Folder for the slide (default: a temporary folder, deleted afterwards).")
    Path outFolder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SmearSpec smear = SmearSpec.of(smearClass, seed, size.width(), size.height());
        int threads = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "synthetic %s slide %s (%.2f gigapixels), %d threads, heap limit %d MiB%n", smearClass.label(),
                size, size.pixels() / 1e9, threads, Runtime.getRuntime().maxMemory() >> 20);

        double renderSeconds = renderOnly(new SmearRenderer(smear), threads);
        out.printf(Locale.ROOT, "render only (baseline): %.1f s, %.1f Mpx/s%n", renderSeconds, size.pixels() / renderSeconds / 1e6);
        out.flush();

        resetPeaks();
        Path dir = outFolder != null ? Files.createDirectories(outFolder) : Files.createTempDirectory("marrowscope-bench");
        Path slide = dir.resolve("bench-" + smearClass.label() + ".tiff");
        long start = System.nanoTime();
        SyntheticSlideWriter.write(smear, slide, TiffWriteOptions.defaults().withThreads(threads), WriteProgress.NONE,
                VersionProvider.softwareName());
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long heapPeak = heapPeakBytes();
        long fileBytes = Files.size(slide);
        out.printf(Locale.ROOT, "render + pyramid + JPEG + write: %.1f s, %.1f Mpx/s (%.2fx the render-only time), file %.1f MiB%n",
                writeSeconds, size.pixels() / writeSeconds / 1e6, writeSeconds / renderSeconds, fileBytes / 1048576.0);
        long raw = size.pixels() * 3;
        out.printf(Locale.ROOT, "peak heap %.0f MiB = %.4f of the %.0f MiB level-0 RGB image; peak RSS %s%n", heapPeak / 1048576.0,
                (double) heapPeak / raw, raw / 1048576.0, peakRss());
        if (outFolder == null) {
            Files.deleteIfExists(slide);
            Files.deleteIfExists(org.marrowscope.synth.GroundTruth.sidecarOf(slide));
            Files.deleteIfExists(dir);
        }
        return ExitCodes.OK;
    }

    /** Renders every 256x256 tile of level 0 and throws the pixels away: the cost floor of writing. */
    private static double renderOnly(SmearRenderer renderer, int threads) throws Exception {
        int tile = 256;
        long cols = (renderer.width() + tile - 1) / tile;
        long rows = (renderer.height() + tile - 1) / tile;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    int[] rgb = new int[tile * tile];
                    long sum = 0;
                    for (long r = first; r < rows; r += threads) {
                        for (long c = 0; c < cols; c++) {
                            renderer.render(c * tile, r * tile, tile, tile, rgb);
                            sum += rgb[tile * tile / 2];
                        }
                    }
                    return sum;
                }));
            }
            for (Future<Long> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The process's peak resident set (Linux VmHWM), or "unknown" elsewhere. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
