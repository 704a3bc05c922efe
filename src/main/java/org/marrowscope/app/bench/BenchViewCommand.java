package org.marrowscope.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marrowscope.app.AppLauncher;
import org.marrowscope.cli.ExitCodes;
import org.marrowscope.cli.SizeConverter;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `marrowscope bench view`: the desktop's benchmark, added to the command line by the launcher (cli never imports the app). */
@Command(name = "view", mixinStandardHelpOptions = true,
        header = "Viewer frame times and memory while navigating (needs a display).",
        description = {"The deep-zoom viewer under load (needs a display; on a server: xvfb-run marrowscope bench view).",
            "Paint time per frame along a scripted pan-and-zoom path with a cold and a warm tile cache, against reading",
            "each frame synchronously (the cost of blocking the UI on I/O); open to first full paint; heap and tile cache",
            "during --minutes of scripted navigation."})
public final class BenchViewCommand implements Callable<Integer> {

    @Option(names = "--slide", paramLabel = "SLIDE", description = "Slide to use (default: a synthetic slide of --size, "
            + "generated once into the temporary folder and reused).")
    Path slide;

    @Option(names = "--size", defaultValue = "60000x45000", converter = SizeConverter.class,
            description = "Size of the generated slide (default: ${DEFAULT-VALUE}; about 2-3 minutes to generate).")
    SizeConverter.Size size;

    @Option(names = "--minutes", defaultValue = "5", description = "Minutes of scripted navigation (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--cache-mb", defaultValue = "512", description = "Tile cache in MB (default: ${DEFAULT-VALUE}).")
    int cacheMb;

    @Option(names = "--view", defaultValue = "1600x1000", converter = SizeConverter.class,
            description = "View size in screen pixels (default: ${DEFAULT-VALUE}).")
    SizeConverter.Size viewSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!AppLauncher.displayAvailable()) {
            err.println("marrowscope: bench view paints real frames and needs a display: xvfb-run -s \"-screen 0 1600x1000x24\""
                    + " marrowscope bench view");
            return ExitCodes.NO_DISPLAY;
        }
        Path file = slide != null ? slide : generated(out);
        out.printf(Locale.ROOT, "slide %s, view %dx%d, tile cache %d MB, %d loader threads%n", file.getFileName(), viewSize.width(),
                viewSize.height(), cacheMb, Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4));
        out.flush();
        ViewBenchmark.Result r = new ViewBenchmark(file, (int) viewSize.width(), (int) viewSize.height(), cacheMb * 1024L * 1024L)
                .run(minutes, line -> {
                    out.println(line);
                    out.flush();
                });
        out.println();
        out.println("                                     median ms     p95 ms    count");
        row(out, "frame, cold cache (pulse to pulse)", r.coldFrames());
        row(out, "frame, warm cache (pulse to pulse)", r.warmFrames());
        row(out, "paint call, cold (FX thread only)", r.coldPaint());
        row(out, "until frame complete, cold", r.coldComplete());
        row(out, "baseline: synchronous read of frame", r.synchronousRead());
        out.printf(Locale.ROOT, "frame / synchronous read (medians): cold %.3f, warm %.3f; p95: cold %.3f, warm %.3f%n",
                r.coldFrames().medianMs() / r.synchronousRead().medianMs(), r.warmFrames().medianMs() / r.synchronousRead().medianMs(),
                r.coldFrames().p95Ms() / r.synchronousRead().p95Ms(), r.warmFrames().p95Ms() / r.synchronousRead().p95Ms());
        out.printf(Locale.ROOT, "open to first full paint: %.0f ms%n", r.openToFullPaintMs());
        List<ViewBenchmark.Sample> soak = r.soak();
        if (soak.size() >= 2) {
            ViewBenchmark.Sample first = soak.get(Math.min(soak.size() - 1, soak.size() / 4));
            ViewBenchmark.Sample last = soak.getLast();
            long maxCache = soak.stream().mapToLong(ViewBenchmark.Sample::cacheBytes).max().orElse(0);
            out.printf(Locale.ROOT, "after %.1f min: heap %d MB (at %.1f min: %d MB, growth %+.1f%%), tile cache %d MB in %d tiles"
                    + " (max %d MB of %d MB allowed), %d tiles read%n", last.minutes(), last.heapBytes() >> 20, first.minutes(),
                    first.heapBytes() >> 20, 100.0 * (last.heapBytes() - first.heapBytes()) / first.heapBytes(),
                    last.cacheBytes() >> 20, last.cacheTiles(), maxCache >> 20, r.cacheCapacity() >> 20, last.tilesRead());
        }
        out.flush();
        javafx.application.Platform.exit();
        return ExitCodes.OK;
    }

    private static void row(PrintWriter out, String name, ViewBenchmark.Stats s) {
        out.printf(Locale.ROOT, "%-36s %9.2f %10.2f %8d%n", name, s.medianMs(), s.p95Ms(), s.count());
    }

    private Path generated(PrintWriter out) throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "marrowscope-bench");
        Path file = dir.resolve("view-" + size.width() + "x" + size.height() + ".tiff");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "generating %s (once; reused by later runs)…%n", file);
        out.flush();
        long t0 = System.nanoTime();
        SyntheticSlideWriter.write(SmearSpec.of(SmearClass.AML, 3, size.width(), size.height()), file, TiffWriteOptions.defaults(),
                (done, total) -> { }, "marrowscope bench view");
        out.printf(Locale.ROOT, "generated in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return file;
    }
}
