package org.marrowscope.cli;

import picocli.CommandLine.Command;

/** Training of stage-1 and stage-2 models, the human-in-the-loop review of stage 1, and the demo models. */
@Command(name = "train", mixinStandardHelpOptions = true,
        header = "Train the quality model, stage-2 classifiers or the demo models.",
        description = {"Train model bundles (see README, Model bundles) with DJL/PyTorch on the CPU or a GPU.",
            "Stage 1: `train quality`, reviewed with `train review-export` / `train review-import`.",
            "Stage 2: `train classifier`. Calibration (domain check, temperature, conformal sets): `train calibrate`.",
            "The demonstration models: `train demo`."},
        subcommands = {TrainQualityCommand.class, TrainClassifierCommand.class, TrainReviewExportCommand.class,
            TrainReviewImportCommand.class, TrainCalibrateCommand.class, TrainDemoCommand.class})
final class TrainCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
