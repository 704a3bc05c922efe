package org.marrowscope.cli;

import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.marrowscope.pipeline.Progress;

/** A terminal progress bar (on stderr, so stdout stays parseable) fed by pipeline progress events. */
final class ProgressReporter {

    private ProgressReporter() {
    }

    static ProgressBar bar(String task) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(1).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(250)
                .continuousUpdate().build();
    }

    /** Stage 1's total is an upper bound (the early stop usually ends far before it). */
    static Progress.Listener listener(ProgressBar bar) {
        if (bar == null) {
            return Progress.Listener.NONE;
        }
        return p -> {
            bar.maxHint(Math.max(1, p.total()));
            bar.stepTo(p.done());
            bar.setExtraMessage(String.format(Locale.ROOT, "%s, %.1f tiles/s, %s", p.stage().label(), p.tilesPerSecond(),
                    p.device()));
        };
    }
}
