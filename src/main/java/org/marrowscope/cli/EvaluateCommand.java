package org.marrowscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marrowscope.eval.Bootstrap;
import org.marrowscope.eval.Evaluation;
import org.marrowscope.eval.EvaluationReport;
import org.marrowscope.eval.LevelResult;
import org.marrowscope.eval.ReportFiles;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.service.ModelSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Evaluate models on a labelled cohort, as the paper did.",
        description = {"The paper's evaluation of a labelled cohort: classify every slide (results saved in OUT/results and",
            "reused), then tile level (all ROIs pooled), patient level (majority vote) and ensemble level (pooled votes):",
            "accuracy, balanced accuracy, macro F1, micro- and macro-averaged one-vs-rest ROC AUC with bootstrap 95% CIs,",
            "confusion matrices (counts and row-normalised), ROC curves (PNG), a Wilcoxon signed-rank test of patient vs",
            "tile accuracy across models, and the ablation on 200 random non-background tiles instead of stage 1's ROIs.",
            "Writes evaluation.json, metrics.csv, confusion.csv, summary.md and roc-*.png to OUT."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, paramLabel = "CSV", description = "slide,diagnosis[,patient].")
    Path labels;

    @Option(names = "--slides", paramLabel = "DIR", description = "Folder relative slide paths are resolved against (default: the CSV's folder).")
    Path slides;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the report files.")
    Path out;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--ablation-model", paramLabel = "DIR",
            description = "A classifier trained on random tiles (train classifier --random-tiles), scored on random tiles.")
    Path ablationModel;

    @Option(names = "--no-ablation", description = "Skip the random-tile ablation.")
    boolean noAblation;

    @Option(names = "--rois", defaultValue = "200", description = "ROIs per slide (default: ${DEFAULT-VALUE}).")
    int rois;

    @Option(names = "--random-tiles", defaultValue = "200", description = "Random tiles per slide in the ablation (default: ${DEFAULT-VALUE}).")
    int randomTiles;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}; 0: no intervals).")
    int resamples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the bootstrap, the ROI draw and the random tiles (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Classify again even where a matching saved result exists.")
    boolean force;

    @Mixin
    RunOptions.Device device;

    @Mixin
    RunOptions.Threads threads;

    @Mixin
    RunOptions.TorchThreads torchThreads;

    @Mixin
    RunOptions.Progress progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // --require-signed and --trusted-keys hold for every bundle the service loads during this command.
        try (AutoCloseable policy = modelOptions.applyPolicy()) {
            return evaluate();
        }
    }

    private Integer evaluate() throws Exception {
        ModelSelection models = modelOptions.selection(spec.commandLine().getErr());
        torchThreads.apply();
        PipelineSettings settings = PipelineSettings.PAPER.withSelection(PipelineSettings.PAPER.selection().withSeed(seed)
                .withRoiCount(rois));
        PrintWriter stdout = spec.commandLine().getOut();
        int n = threads.count();
        try (CancelOnInterrupt cancel = new CancelOnInterrupt();
             TrainingProgress progress = new TrainingProgress(stdout, this.progress.shown())) {
            Evaluation.Listener listener = new Evaluation.Listener() {
                @Override
                public void onTask(String task, long done, long total) {
                    progress.onTask(task, done, total);
                }

                @Override
                public void onMessage(String message) {
                    progress.onMessage(message);
                }
            };
            EvaluationReport report = Evaluation.run(new Evaluation.Request(labels, slides, models, ablationModel,
                    !noAblation, randomTiles, seed, new Bootstrap(resamples, seed, 0.95), out.resolve("results"), !force,
                    settings, device.value(), n, VersionProvider.softwareName()), listener, cancel.token());
            List<Path> files = ReportFiles.write(report, out);
            print(stdout, report, files.size());
            return modelOptions.exitCode(ExitCodes.OK);
        }
    }

    private void print(PrintWriter out, EvaluationReport r, int files) {
        out.printf(Locale.ROOT, "%s of %s slides classified.%n", r.cohort().get("classified"), r.cohort().get("slides"));
        List<LevelResult> rows = new java.util.ArrayList<>(r.levels());
        rows.addAll(r.ablation());
        out.printf(Locale.ROOT, "%-9s %-28s %-13s %6s  %-8s %-8s %-8s %-8s%n", "level", "model", "tiles", "n", "acc", "bal.acc",
                "macroF1", "microAUC");
        for (LevelResult l : rows) {
            out.printf(Locale.ROOT, "%-9s %-28s %-13s %6d  %-8.3f %-8.3f %-8.3f %-8.3f%n", l.level(), l.model(), l.tiles(),
                    l.cases(), l.value("accuracy"), l.value("balancedAccuracy"), l.value("macroF1"), l.value("microAuc"));
        }
        out.printf(Locale.ROOT, "Wilcoxon (patient vs tile accuracy): p = %.4g (%s)%n", r.wilcoxon().pValue(),
                r.wilcoxon().note());
        out.printf(Locale.ROOT, "Wrote %d files to %s (summary.md has the tables)%n", files, this.out);
        out.flush();
    }

}
