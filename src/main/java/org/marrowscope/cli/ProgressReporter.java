package org.marrowscope.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;
import org.marrowscope.pipeline.Progress;

/**
 * Progress on stderr (stdout stays parseable), fed by pipeline and training events: a live bar redrawn in place
 * on a terminal; when the output goes to a file or a pipe, where carriage-return frames would pile up by the
 * hundred, a plain line every {@link #LINE_SECONDS} seconds (and one at the end), and none when unchanged.
 */
final class ProgressReporter {

    /** Seconds between progress lines in a log. */
    static final int LINE_SECONDS = 5;

    private ProgressReporter() {
    }

    static ProgressBar bar(String task) {
        return bar(task, System.err, interactive());
    }

    static ProgressBar bar(String task, PrintStream err, boolean terminal) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(1).continuousUpdate();
        if (terminal) {
            return builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250).build();
        }
        return builder.setRenderer((state, width) -> line(state)).setConsumer(new LineConsumer(err))
                .setUpdateIntervalMillis(LINE_SECONDS * 1000).build();
    }

    /** True when a person watches: the JVM's console is a terminal (false when output is redirected). */
    static boolean interactive() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    /** "slide.svs: 45% (120/268), quality, 3.1 tiles/s, cpu". */
    static String line(ProgressState state) {
        long max = Math.max(1, state.getMax());
        String extra = state.getExtraMessage();
        return String.format(Locale.ROOT, "%s: %d%% (%d/%d)%s", state.getTaskName(), Math.round(100.0 * state.getCurrent() / max),
                state.getCurrent(), max, extra == null || extra.isEmpty() ? "" : ", " + extra);
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

    /** Prints each rendered line once: a stalled task adds nothing to the log. */
    private static final class LineConsumer extends DelegatingProgressBarConsumer {
        private String last;

        LineConsumer(PrintStream err) {
            super(err::println);
        }

        @Override
        public synchronized void accept(String rendered) {
            if (!rendered.equals(last)) {
                last = rendered;
                super.accept(rendered);
            }
        }
    }
}
