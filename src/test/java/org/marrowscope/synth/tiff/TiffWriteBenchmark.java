package org.marrowscope.synth.tiff;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;

/**
 * Measures write throughput and peak heap; prints, asserts nothing. Not a unit test (it writes
 * hundreds of megapixels); run it by hand, e.g. with a small heap to show the bound holds:
 *
 * <pre>
 * java -Xmx256m --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes \
 *     org.marrowscope.synth.tiff.TiffWriteBenchmark [width height JPEG|DEFLATE threads...]
 * </pre>
 *
 * Defaults: a 20,000 x 15,000 JPEG slide with 1 and 2 threads.
 */
public final class TiffWriteBenchmark {

    private TiffWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long width = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        long height = args.length > 1 ? Long.parseLong(args[1]) : 15_000;
        TiffWriteOptions.Compression compression =
                args.length > 2 ? TiffWriteOptions.Compression.valueOf(args[2]) : TiffWriteOptions.Compression.JPEG;
        int[] threads = args.length > 3
                ? java.util.Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        System.out.printf(Locale.ROOT, "max heap %d MiB, %d processors%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("tiff-bench");
        try {
            for (int t : threads) {
                run(new CheapRenderer(width, height), dir.resolve("bench-" + t + ".tiff"),
                        TiffWriteOptions.defaults().withCompression(compression).withThreads(t));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void run(RegionRenderer source, Path out, TiffWriteOptions options) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        new PyramidalTiffWriter().write(source, out, options, WriteProgress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        double megapixels = source.width() * source.height() / 1e6;
        String levels;
        try (Slide slide = Slides.open(out)) {
            levels = slide.format() + ", " + slide.levelCount() + " levels";
        }
        System.out.printf(Locale.ROOT,
                "%dx%d %s, %d thread(s): %.1f s, %.1f level-0 MP/s, file %.1f MB (%s), heap peak %.0f MiB (%.0f MiB above idle)%n",
                source.width(), source.height(), options.compression(), options.threads(), seconds,
                megapixels / seconds, Files.size(out) / 1e6, levels, peak.get() / 1048576.0,
                (peak.get() - baseline) / 1048576.0);
        Files.delete(out);
    }

    /** Smooth colour ramps with a few hard edges: costs little to render, so the writer dominates. */
    private record CheapRenderer(long width, long height) implements RegionRenderer {
        @Override
        public void render(long x, long y, int w, int h, int[] rgb) {
            for (int j = 0; j < h; j++) {
                long py = y + j;
                int g = (int) (py >> 6) & 0xFF;
                for (int i = 0; i < w; i++) {
                    long px = x + i;
                    boolean cell = ((px >> 7) + (py >> 7) & 7) == 0;
                    rgb[j * w + i] = cell ? 0x6A3D9A : 0xE0 << 16 | g << 8 | (int) (px >> 6) & 0xFF;
                }
            }
        }
    }
}
