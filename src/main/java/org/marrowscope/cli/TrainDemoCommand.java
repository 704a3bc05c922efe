package org.marrowscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marrowscope.train.DemoPlan;
import org.marrowscope.train.DemoTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Reproduce the demonstration models from synthetic cohorts.",
        description = {"Reproduce the demonstration models: write the synthetic training cohort (75 slides) and the unseen",
            "test cohort (100 slides, new seeds), train stage 1 through the review loop with the generator's truth as",
            "reviewer, train demo-resnet, demo-densenet and demo-mobilenet on the stage-1 ROIs and, for the ablation,",
            "demo-densenet on random tiles, then derive the bundles' calibration (train calibrate --demo, with a 200-slide",
            "calibration cohort). Rerunning the same command continues an interrupted run. Then evaluate with:",
            "  marrowscope evaluate --slides WORK/cohort-test --labels WORK/cohort-test/labels.csv --models OUT \\",
            "      --ablation-model OUT/ablation/demo-densenet-random-tiles --out WORK/evaluation"})
final class TrainDemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "models", paramLabel = "DIR", description = "Models folder to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Cohorts, tile caches, checkpoints (about 9 GB).")
    Path work;

    @Option(names = "--templates", defaultValue = "models/templates", paramLabel = "DIR",
            description = "Untrained architecture templates (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Mixin
    RunOptions.Threads threads;

    @Mixin
    RunOptions.TorchThreads torchThreads;

    @Mixin
    RunOptions.Device device;

    @Mixin
    RunOptions.Progress progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        torchThreads.apply();
        int n = threads.count();
        try (CancelOnInterrupt cancel = new CancelOnInterrupt();
             TrainingProgress progress = new TrainingProgress(spec.commandLine().getOut(), this.progress.shown())) {
            Map<String, Object> summary = DemoTraining.run(new DemoTraining.Request(out, work, templates, DemoPlan.DEFAULT,
                    n, device.value(), VersionProvider.softwareName()), progress, cancel.token());
            spec.commandLine().getOut().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            return ExitCodes.OK;
        }
    }
}
