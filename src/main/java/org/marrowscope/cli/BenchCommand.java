package org.marrowscope.cli;

import picocli.CommandLine.Command;

/**
 * Benchmarks: each reports ratios against a baseline measured in the same run, never absolute pass/fail. The
 * launcher adds the desktop's {@code view} benchmark, which cli cannot name.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure performance against baselines measured in the same run.",
        description = "Measure performance against baselines measured in the same run.",
        subcommands = {BenchReadCommand.class, BenchSynthCommand.class, BenchSelectCommand.class,
            BenchClassifyCommand.class, BenchDomainCommand.class, BenchReportCommand.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
