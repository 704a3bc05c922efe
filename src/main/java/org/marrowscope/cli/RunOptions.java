package org.marrowscope.cli;

import org.marrowscope.model.TorchRuntime;
import picocli.CommandLine.Option;

/**
 * The run options several commands share, each a picocli mixin with one name and one wording everywhere
 * ({@code @Mixin RunOptions.Device device;}): where PyTorch runs, worker threads, PyTorch's own threads, and
 * whether progress is shown. A command mixes in only those it honours.
 */
final class RunOptions {

    private RunOptions() {
    }

    /** {@code --device}. */
    static final class Device {
        @Option(names = "--device", paramLabel = "DEVICE", description = "Where PyTorch runs: auto, cpu, gpu or gpu:N"
                + " (default: auto, a GPU when DJL has CUDA natives for it).")
        String value;

        /** The device asked for, or null for auto. */
        String value() {
            return value;
        }
    }

    /** {@code --threads}. */
    static final class Threads {
        @Option(names = "--threads", paramLabel = "N", description = "Worker threads reading, rendering and writing tiles"
                + " (default: all cores).")
        Integer value;

        int count() {
            return value != null ? Math.max(1, value) : Runtime.getRuntime().availableProcessors();
        }

        /** The count asked for, or null for the default. */
        Integer value() {
            return value;
        }
    }

    /** {@code --torch-threads}. */
    static final class TorchThreads {
        @Option(names = "--torch-threads", paramLabel = "N", description = "PyTorch's intra-op threads (default: all"
                + " cores). On a machine other busy processes share, use 1: PyTorch's threads wait for one another and"
                + " slow down many-fold when a core is taken away.")
        Integer value;

        /** Sets PyTorch's threads; must run before any model is loaded. */
        void apply() {
            if (value != null) {
                TorchRuntime.setThreads(value);
            }
        }
    }

    /** {@code --no-progress}. */
    static final class Progress {
        @Option(names = "--no-progress", description = "No progress on stderr (otherwise a live bar on a terminal, and a"
                + " plain line every " + ProgressReporter.LINE_SECONDS + " s when stderr goes to a file or a pipe).")
        boolean off;

        boolean shown() {
            return !off;
        }
    }
}
