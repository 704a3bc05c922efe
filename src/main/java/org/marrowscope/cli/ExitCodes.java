package org.marrowscope.cli;

/**
 * Exit codes scripts can rely on. Slide failures use {@link org.marrowscope.slide.SlideException.Kind#exitCode()}
 * (10-18), so a batch script can tell a missing file from a damaged one.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** Unexpected internal error (a bug): the message says where to look. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad command line: unknown option, missing argument, invalid value. */
    public static final int USAGE = 2;
    /**
     * Several slides were given and some failed (each failure is reported on its own line), or bundles were left out
     * with --skip-failed-bundles (named on stderr and in every result).
     */
    public static final int SOME_SLIDES_FAILED = 3;
    /** The desktop app was started without a graphical display (the message says how to get one). */
    public static final int NO_DISPLAY = 4;
    /**
     * A model bundle is missing or invalid (the message names the bundle, the file and the problem); with
     * --skip-failed-bundles, no quality model or no classifier is left.
     */
    public static final int MODEL_INVALID = 21;
    /** Classification failed mid-run (a model or a tile read broke); the message says which. */
    public static final int CLASSIFICATION_FAILED = 22;
    /** A label file (training or evaluation) is invalid: the message names the file, the line and the problem. */
    public static final int LABELS_INVALID = 23;
    /**
     * The slide opens but cannot be classified as given: it does not state its resolution (pass --mpp), or its
     * resolution is far from the models'.
     */
    public static final int SLIDE_UNSUITABLE = 19;
    /** A saved result is unreadable, edited or inconsistent (the message names the file and the problem). */
    public static final int RESULT_INVALID = 24;
    /** Not enough memory (the message says how much was needed or what to change). */
    public static final int OUT_OF_MEMORY = 25;
    /** The cohort command was given to an installation without Spark (the message names the Spark distribution). */
    public static final int SPARK_MISSING = 26;
    /** A cohort's Spark job failed as a whole (no cluster, every executor lost); single slides fail on their own. */
    public static final int COHORT_JOB_FAILED = 27;
    /** The run was cancelled (Ctrl+C). */
    public static final int CANCELLED = 130;
    /** Writing an output failed (disk full, no permission); nothing half-written is left behind. */
    public static final int OUTPUT_FAILED = 20;

    private ExitCodes() {
    }
}
