package org.marrowscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marrowscope.bench.NativeReadBaseline;
import org.marrowscope.bench.ReadBenchmark;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "read", mixinStandardHelpOptions = true,
        header = "Slide reads per second against C calling OpenSlide directly.",
        description = {"Level-0 region reads per second through MarrowScope's OpenSlide binding, against the same reads",
            "made by a minimal C program calling libopenslide directly (compiled now with cc).",
            "Rounds alternate C and Java on the same positions; medians are compared."})
final class BenchReadCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SLIDE", description = "An OpenSlide-readable slide.")
    Path slidePath;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--reads", defaultValue = "400", description = "Reads per round (default: ${DEFAULT-VALUE}).")
    int reads;

    @Option(names = "--size", defaultValue = "512", description = "Region edge in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--rounds", defaultValue = "5", description = "Alternating rounds per thread count (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the read positions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Slide slide = Slides.open(slidePath); NativeReadBaseline baseline = NativeReadBaseline.compile()) {
            out.printf(Locale.ROOT, "slide %s (%s, %d x %d), %d reads of %dx%d per round, %d rounds%n",
                    slidePath.getFileName(), slide.format(), slide.width(), slide.height(), reads, size, size, rounds);
            List<ReadBenchmark.Position> positions = ReadBenchmark.positions(slide, size, reads, seed);
            // One untimed pass each warms the JIT, the page cache and OpenSlide's own tile cache alike.
            ReadBenchmark.readsPerSecond(slide, positions, 1, size);
            baseline.readsPerSecond(slidePath, positions, 1, size);
            out.println("threads   C reads/s   Java reads/s   Java/C   binding overhead");
            for (int t : threads) {
                List<Double> c = new ArrayList<>();
                List<Double> java = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    c.add(baseline.readsPerSecond(slidePath, positions, t, size));
                    java.add(ReadBenchmark.readsPerSecond(slide, positions, t, size));
                }
                double cm = median(c);
                double jm = median(java);
                out.printf(Locale.ROOT, "%7d   %9.1f   %12.1f   %6.3f   %+.1f%%%n", t, cm, jm, jm / cm, (cm / jm - 1) * 100);
                out.flush();
            }
        }
        return ExitCodes.OK;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
