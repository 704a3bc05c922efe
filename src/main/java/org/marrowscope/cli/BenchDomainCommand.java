package org.marrowscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marrowscope.bench.DomainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "domain", mixinStandardHelpOptions = true,
        header = "Measure what the domain check and calibration cost.",
        description = "Cost of the domain check and calibration: classify with the calibrated bundles and with copies"
            + " lacking calibration.json (same weights), alternately, models warm; median times and their ratio.")
final class BenchDomainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SLIDE", description = "An in-domain slide, e.g. one written by `marrowscope synth`.")
    Path slide;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed runs of each (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("marrowscope-bench-domain");
        try {
            DomainBenchmark.Timing t = DomainBenchmark.run(slide, modelOptions.selection(spec.commandLine().getErr()), rounds,
                    work);
            out.printf(Locale.ROOT, "%s, %d rounds each, alternating; %s; load %.2f on %d cores%n", slide.getFileName(),
                    rounds, t.calibrated().device(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "without calibration (baseline): median %.3f s%n", t.plainMedian());
            out.printf(Locale.ROOT, "with domain check, temperature, prediction sets: median %.3f s (outcome: %s)%n",
                    t.calibratedMedian(), t.calibrated().outcome().headline());
            out.printf(Locale.ROOT, "overhead: %+.1f%%%n", t.overhead() * 100);
            return modelOptions.exitCode(ExitCodes.OK);
        } finally {
            DomainBenchmark.delete(work);
        }
    }
}
