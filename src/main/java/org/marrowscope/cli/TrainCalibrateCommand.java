package org.marrowscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marrowscope.service.ModelSelection;
import org.marrowscope.train.CalibrationDerivation;
import org.marrowscope.train.DemoPlan;
import org.marrowscope.train.DemoTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Derive domain checks, temperatures and conformal scores.",
        description = {"Derive each model's calibration.json (domain check, temperature, conformal scores) from labelled"
            + " slides, weights unchanged, and write the bundles anew under --out with --model-version.",
            "With --demo: the demonstration models in --out, from the demo training cohort and a calibration cohort"
            + " written into --work."})
final class TrainCalibrateCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--demo", description = "Calibrate the demonstration models in --out in place (cohorts from the demo plan).")
    boolean demo;

    @Option(names = "--work", paramLabel = "DIR", description = "With --demo: where the cohorts are written (about 3 GB).")
    Path work;

    @Option(names = "--labels", paramLabel = "CSV", description = "The labels file the classifiers were trained from"
            + " (slide,diagnosis[,patient]); its split gives the training and validation slides.")
    Path labels;

    @Option(names = "--calibration-labels", paramLabel = "CSV", description = "Labelled slides never trained on, for the"
            + " conformal scores (at least 20; 50 or more for stable 95%% sets).")
    Path calibrationLabels;

    @Option(names = "--split", paramLabel = "T,V,T", split = ",", defaultValue = "0.6,0.2,0.2",
            description = "The training split's fractions (default: ${DEFAULT-VALUE}).")
    double[] split;

    @Option(names = "--split-seed", defaultValue = "7", description = "The training split's seed (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Models folder to write the calibrated bundles into.")
    Path out;

    @Option(names = "--model-version", paramLabel = "V", description = "Version of the calibrated bundles (required without --demo).")
    String version;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the slides are, stored with the calibration.")
    String description;

    @Option(names = "--rois", defaultValue = "200", description = "ROIs per slide, as classify selects them (default: ${DEFAULT-VALUE}).")
    int rois;

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
        Map<String, Object> summary;
        try (CancelOnInterrupt cancel = new CancelOnInterrupt();
             TrainingProgress progress = new TrainingProgress(spec.commandLine().getOut(), this.progress.shown())) {
            if (demo) {
                if (work == null) {
                    throw new IllegalArgumentException("--demo needs --work DIR for the cohorts");
                }
                summary = DemoTraining.calibrate(new DemoTraining.Request(out, work, null, DemoPlan.DEFAULT, n, device.value(),
                        VersionProvider.softwareName()), progress, cancel.token());
            } else {
                if (labels == null || calibrationLabels == null || version == null) {
                    throw new IllegalArgumentException("--labels, --calibration-labels and --model-version are needed"
                            + " (or --demo)");
                }
                ModelSelection models = modelOptions.selection(spec.commandLine().getErr());
                summary = CalibrationDerivation.run(new CalibrationDerivation.Request(models.quality(),
                        models.classifiers(), labels, split, splitSeed, calibrationLabels, out, version,
                        description != null ? description : "slides of " + labels + " and " + calibrationLabels,
                        rois, rois, n, device.value()), progress, cancel.token());
            }
        }
        spec.commandLine().getOut().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        return modelOptions.exitCode(ExitCodes.OK);
    }
}
