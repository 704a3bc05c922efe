package org.marrowscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.QualityModel;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.train.QualityLabels;
import org.marrowscope.train.QualityReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "review-export", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Review loop step 1: export the quality model's calls.",
        description = {"Human-in-the-loop, step 1: score a sample of tiles from new slides with the quality model and",
            "write them with the model's calls (good when p(good) >= 0.5) as a labels CSV (slide,x,y,size,label) for a",
            "hematologist to correct, e.g. in the viewer's tile-review mode. Then run `train review-import`."})
final class TrainReviewExportCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The quality bundle under review.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "The labels CSV to write.")
    Path out;

    @Option(names = "--sample", defaultValue = "1000", description = "Tiles to export, spread evenly over the slides (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    RunOptions.Device device;

    @Mixin
    RunOptions.Progress progress;

    @Parameters(paramLabel = "SLIDE", arity = "1..*", description = "New slides (files or folders) the model has not been trained on.")
    List<Path> slides;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> inputs = SlideArguments.expand(slides);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no slide files found in " + slides);
        }
        try (CancelOnInterrupt cancel = new CancelOnInterrupt();
             TrainingProgress progress = new TrainingProgress(spec.commandLine().getOut(), this.progress.shown());
             QualityModel quality = new QualityModel(device.value() == null ? ModelBundle.load(model)
                     : ModelBundle.load(model, TorchRuntime.device(device.value())))) {
            QualityReview.Export export = QualityReview.sample(quality, inputs, sample, seed, progress, cancel.token());
            QualityLabels.write(out, export.calls());
            long good = export.calls().stream().filter(s -> s.good()).count();
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s: %d tiles from %d slides, the model calls %d good and"
                    + " %d poor. Correct the label column, then: marrowscope train review-import --exported %s"
                    + " --corrected CORRECTED.csv%n", out, export.calls().size(), inputs.size(), good,
                    export.calls().size() - good, out);
            return ExitCodes.OK;
        }
    }
}
