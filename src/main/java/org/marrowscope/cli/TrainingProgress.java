package org.marrowscope.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.marrowscope.train.EpochResult;
import org.marrowscope.train.TrainingListener;

/**
 * Shows training on the terminal: a progress bar (stderr) for each task and epoch with the running loss,
 * accuracy and tiles per second, and one line per finished epoch (stdout) that stays in the log.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {

    private final PrintWriter out;
    private final boolean bars;
    private ProgressBar bar;
    private String task;

    TrainingProgress(PrintWriter out, boolean bars) {
        this.out = out;
        this.bars = bars;
    }

    @Override
    public void onTask(String name, long done, long total) {
        if (!bars) {
            return;
        }
        if (!name.equals(task)) {
            closeBar();
            task = name;
            bar = ProgressReporter.bar(name);
        }
        bar.maxHint(Math.max(1, total));
        bar.stepTo(done);
        if (done >= total) {
            closeBar();
        }
    }

    @Override
    public void onEpochStart(int epoch, int epochs, boolean headOnly, int steps) {
        closeBar();
        if (bars) {
            task = "epoch";
            bar = ProgressReporter.bar(String.format(Locale.ROOT, "Epoch %d/%d (%s)", epoch, epochs,
                    headOnly ? "head" : "all"));
            bar.maxHint(steps);
        }
    }

    @Override
    public void onStep(int step, int steps, double meanLoss, double accuracy, double imagesPerSecond) {
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f, acc %.1f%%, %.0f tiles/s", meanLoss,
                    100 * accuracy, imagesPerSecond));
        }
    }

    @Override
    public void onEpoch(EpochResult r) {
        closeBar();
        out.printf(Locale.ROOT, "epoch %2d (%s): loss %.4f, accuracy %.1f%% | validation: loss %.4f, accuracy %.1f%%,"
                        + " balanced %.1f%% | %.0f tiles/s, %.0f s%s%n", r.epoch(), r.headOnly() ? "head" : "all ",
                r.trainLoss(), 100 * r.trainAccuracy(), r.validationLoss(), 100 * r.validationAccuracy(),
                100 * r.validationBalancedAccuracy(), r.imagesPerSecond(), r.trainSeconds(), r.best() ? "  [best]" : "");
        out.flush();
    }

    @Override
    public void onMessage(String message) {
        closeBar();
        out.println(message);
        out.flush();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        task = null;
    }

    @Override
    public void close() {
        closeBar();
    }
}
