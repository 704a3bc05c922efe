package org.marrowscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marrowscope.train.QualityReview;
import org.marrowscope.train.QualityTraining;
import org.marrowscope.train.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "review-import", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Review loop step 2: count corrections and fine-tune.",
        description = {"Human-in-the-loop, step 2: compare the hematologist's corrected CSV with the exported calls and",
            "report the disagreement rate. The loop ends when fewer than 5% of the calls were corrected; otherwise,",
            "with --fine-tune-out, the model is fine-tuned on the previous labels and the corrected tiles together",
            "(exit 0 either way; the printed line says whether to continue)."})
final class TrainReviewImportCommand implements Callable<Integer> {

    @Option(names = "--exported", required = true, paramLabel = "CSV", description = "The file `train review-export` wrote.")
    Path exported;

    @Option(names = "--corrected", required = true, paramLabel = "CSV", description = "The same tiles with the reviewer's labels.")
    Path corrected;

    @Option(names = "--threshold", defaultValue = "0.05", description = "The loop ends under this disagreement (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--fine-tune-out", paramLabel = "DIR", description = "Fine-tune --model into this bundle when the loop goes on.")
    Path fineTuneOut;

    @Option(names = "--model", paramLabel = "DIR", description = "The quality bundle that was reviewed (with --fine-tune-out).")
    Path model;

    @Option(names = "--labels", paramLabel = "CSV|DIR", description = "Labels the model was trained on before (with --fine-tune-out).")
    List<Path> previous;

    @Option(names = "--demo", description = "Mark the fine-tuned bundle as a demonstration model.")
    boolean demo;

    @Mixin
    TrainingOptions training;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        QualityReview.Review review = QualityReview.compare(exported, corrected);
        out.println("Review: " + review.describe(threshold));
        out.flush();
        if (fineTuneOut == null || review.loopEnds(threshold)) {
            return ExitCodes.OK;
        }
        if (model == null) {
            throw new IllegalArgumentException("--fine-tune-out needs --model (the bundle that was reviewed)");
        }
        List<Path> labels = new ArrayList<>(previous == null ? List.of() : previous);
        labels.add(corrected);
        training.torchThreads.apply();
        try (CancelOnInterrupt cancel = new CancelOnInterrupt();
             TrainingProgress progress = new TrainingProgress(out, training.progress.shown())) {
            TrainingReport report = QualityTraining.run(new QualityTraining.Request(model, labels, fineTuneOut,
                    training.work(fineTuneOut), fineTuneOut.getFileName().toString(), "1.0.0",
                    training.settings(TrainQualityCommand.DEFAULTS.withEpochs(0, 4).withLearningRates(0.001, 0.001)),
                    training.augmentation(org.marrowscope.train.Augmentation.QUALITY), 0.2, 7, training.threads(),
                    training.device.value(), demo, null, "Stage-1 tile quality model for MarrowScope (decision support, not a"
                            + " diagnosis)."), progress, cancel.token());
            TrainReports.print(out, report);
            return ExitCodes.OK;
        }
    }
}
