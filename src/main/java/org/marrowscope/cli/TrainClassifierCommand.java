package org.marrowscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marrowscope.train.Augmentation;
import org.marrowscope.train.ClassifierTraining;
import org.marrowscope.train.RoiSampler;
import org.marrowscope.train.TrainingReport;
import org.marrowscope.train.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "classifier", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train a stage-2 classifier on stage-1 ROIs of labelled slides.",
        description = {"Train a stage-2 classifier on the stage-1-selected ROIs of slides with a diagnosis (paper, Methods).",
            "Labels: CSV slide,diagnosis[,patient]. Each slide gives its 200 ROIs from stage 1 (--quality-model); slides",
            "are split per patient 6:2:2 (seeded); the loss is weighted inversely to class size; training tiles are",
            "flipped, rotated 0-360 degrees and zoomed 90-110%; SGD trains the new head first (lr 0.005), then the",
            "whole network (lr 0.0005, up to 35 epochs), keeping the epoch with the best validation accuracy. The",
            "held-out test slides are classified at tile and patient level for the bundle's provenance."})
final class TrainClassifierCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, paramLabel = "CSV", description = "slide,diagnosis[,patient] (paths relative to the CSV).")
    Path labels;

    @Option(names = "--start-from", required = true, paramLabel = "DIR",
            description = "Classifier bundle to start from: an untrained template (models/templates/demo-resnet, demo-densenet or demo-mobilenet) or a model.")
    Path startFrom;

    @Option(names = "--quality-model", paramLabel = "DIR", description = "Stage-1 bundle that selects the ROIs (required unless --random-tiles).")
    Path qualityModel;

    @Option(names = "--random-tiles", description = "Ablation: 200 random non-background tiles per slide instead of stage 1's ROIs.")
    boolean randomTiles;

    @Option(names = "--rois", defaultValue = "200", description = "Tiles per slide (default: ${DEFAULT-VALUE}).")
    int rois;

    @Option(names = "--selection-seed", defaultValue = "1", description = "Seed of the ROI draw (default: ${DEFAULT-VALUE}).")
    long selectionSeed;

    @Option(names = "--split", defaultValue = "0.6,0.2,0.2", split = ",", paramLabel = "T,V,T",
            description = "Train, validation, test fractions (default: ${DEFAULT-VALUE}).")
    double[] split;

    @Option(names = "--split-seed", defaultValue = "7", description = "Seed of the per-patient split (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--shared", paramLabel = "DIR", description = "Folder for ROI choices and tile caches that trainings"
            + " of other architectures on the same slides can reuse (default: inside the work folder).")
    Path shared;

    @Mixin
    BundleOptions bundle;

    @Mixin
    TrainingOptions training;

    @Spec
    CommandSpec spec;

    static final String INTENDED_USE = "Stage-2 classifier for MarrowScope (decision support, not a diagnosis).";

    @Override
    public Integer call() throws Exception {
        if (!randomTiles && qualityModel == null) {
            throw new IllegalArgumentException("--quality-model is required to select ROIs (or use --random-tiles for the ablation)");
        }
        if (split.length != 3) {
            throw new IllegalArgumentException("--split needs three fractions, e.g. 0.6,0.2,0.2");
        }
        training.torchThreads.apply();
        try (CancelOnInterrupt cancel = new CancelOnInterrupt();
             TrainingProgress progress = new TrainingProgress(spec.commandLine().getOut(), training.progress.shown())) {
            TrainingReport report = ClassifierTraining.run(new ClassifierTraining.Request(startFrom, labels, qualityModel,
                    randomTiles ? RoiSampler.Mode.RANDOM : RoiSampler.Mode.QUALITY_SELECTED, rois, selectionSeed, bundle.out,
                    training.work(bundle.out), shared, bundle.name(), bundle.version,
                    training.settings(TrainingSettings.PAPER), training.augmentation(Augmentation.PAPER), split, splitSeed,
                    training.threads(), training.device.value(), bundle.demo,
                    bundle.trainingData, bundle.intendedUse(INTENDED_USE)), progress, cancel.token());
            TrainReports.print(spec.commandLine().getOut(), report);
            return ExitCodes.OK;
        }
    }
}
