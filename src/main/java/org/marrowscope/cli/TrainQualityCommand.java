package org.marrowscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.marrowscope.train.Augmentation;
import org.marrowscope.train.QualityTraining;
import org.marrowscope.train.TrainingReport;
import org.marrowscope.train.TrainingSettings;
import org.marrowscope.train.TrainingSettings.CheckpointMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "quality", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train or fine-tune the stage-1 quality model.",
        description = {"Train (or fine-tune) the stage-1 quality model on tiles labelled good or poor.",
            "Labels: CSV files with the header slide,x,y,size,label (the viewer's tile-review format) or folders with",
            "good/ and poor/ pictures. Tiles of one slide stay together in training or validation; tiles are flipped,",
            "turned by quarter turns and slightly recoloured (--class-weights weighs classes inversely to their size);",
            "the epoch with the best validation balanced accuracy is kept. Writes a complete bundle with its provenance."})
final class TrainQualityCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, paramLabel = "CSV|DIR", description = "Label file(s) or folder(s); each tile once.")
    List<Path> labels;

    @Option(names = "--start-from", required = true, paramLabel = "DIR",
            description = "Quality bundle to start from: an untrained template (models/templates/demo-quality) or the current model to fine-tune.")
    Path startFrom;

    @Option(names = "--validation-fraction", defaultValue = "0.2", description = "Fraction of slides for validation (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--split-seed", defaultValue = "7", description = "Seed of the training/validation division (default: ${DEFAULT-VALUE}).")
    long splitSeed;

    @Mixin
    BundleOptions bundle;

    @Mixin
    TrainingOptions training;

    @Spec
    CommandSpec spec;

    static final String INTENDED_USE = "Stage-1 tile quality model for MarrowScope (decision support, not a diagnosis).";

    /**
     * Stage 1's defaults: no separate head in a one-file model; balanced accuracy chooses the checkpoint; no class
     * weights (the paper states them for stage 2; balanced weights make the model call many good tiles poor, and
     * the review loop measures exactly those calls).
     */
    static final TrainingSettings DEFAULTS = TrainingSettings.PAPER.withEpochs(0, 12).withLearningRates(0.003, 0.003)
            .withCheckpointMetric(CheckpointMetric.BALANCED_ACCURACY).withClassWeights(false);

    @Override
    public Integer call() throws Exception {
        training.torchThreads.apply();
        try (CancelOnInterrupt cancel = new CancelOnInterrupt();
             TrainingProgress progress = new TrainingProgress(spec.commandLine().getOut(), training.progress.shown())) {
            TrainingReport report = QualityTraining.run(new QualityTraining.Request(startFrom, labels, bundle.out,
                    training.work(bundle.out), bundle.name(), bundle.version,
                    training.settings(DEFAULTS), training.augmentation(Augmentation.QUALITY), validationFraction, splitSeed,
                    training.threads(), training.device.value(),
                    bundle.demo, bundle.trainingData, bundle.intendedUse(INTENDED_USE)), progress, cancel.token());
            TrainReports.print(spec.commandLine().getOut(), report);
            return ExitCodes.OK;
        }
    }
}
