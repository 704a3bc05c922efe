package org.marrowscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.slide.SlideException;
import org.marrowscope.labels.LabelFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The `marrowscope` command and its subcommands. The process starts in {@code org.marrowscope.launcher.Main}, which
 * supplies the desktop app for the no-command case through {@link Desktop}: cli never imports the app or JavaFX.
 */
@Command(name = "marrowscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Two-stage deep-learning classification of Wright-Giemsa bone marrow aspirate slides.",
            "Without a command, starts the desktop app (opening SLIDE when given)."},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0   success",
            "  1   internal error (please report it)",
            "  2   bad command line",
            "  10  slide not found            11  not a regular/readable file",
            "  12  empty (0-byte) file        13  format not recognised",
            "  14  damaged slide file         15  reading the slide failed",
            "  16  OpenSlide library missing  17  slide closed",
            "  18  invalid request (level, region)",
            "  19  slide unsuitable: resolution missing (--mpp), wrong or too far off",
            "  3   some slides failed, or bundles left out (--skip-failed-bundles)",
            "  4   no graphical display for the desktop app",
            "  20  writing an output failed   21  model bundle missing or invalid",
            "  22  classification failed      23  label file invalid",
            "  24  saved result invalid       25  not enough memory",
            "  26  Spark not installed (cohort) 27  cohort's Spark job failed",
            "  130 cancelled"})
public final class MarrowScopeCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "SLIDE",
            description = "Without a command: start the desktop app, opening SLIDE when given.")
    java.nio.file.Path slide;

    /** What `marrowscope [SLIDE]` without a command starts: the desktop app, supplied by the launcher. */
    @FunctionalInterface
    public interface Desktop {
        /** Runs the app until its window closes and returns the exit code (slide: null for the start screen). */
        int start(java.nio.file.Path slide, String software, PrintWriter err);
    }

    /** Without a desktop (a command-line-only build, the tests): says so with the no-display exit code. */
    static final Desktop NO_DESKTOP = (slide, software, err) -> {
        err.println("marrowscope: the desktop app is not part of this program; use a command (marrowscope --help)");
        return ExitCodes.NO_DISPLAY;
    };

    private final Desktop desktop;

    private MarrowScopeCommand(Desktop desktop) {
        this.desktop = desktop;
    }

    /** The subcommands, in the order `--help` lists them; `help` comes last and needs all the others. */
    static final List<Class<?>> SUBCOMMANDS = List.of(InfoCommand.class, ClassifyCommand.class, ModelsCommand.class,
            ReportCommand.class, SynthCommand.class, TrainCommand.class, EvaluateCommand.class, CohortCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class);

    /** The command line with every subcommand and its failure handling; the launcher adds the desktop's pieces. */
    public static CommandLine commandLine(Desktop desktop) {
        return commandLine(desktop, SUBCOMMANDS);
    }

    /**
     * The command line with only the subcommands {@code args} can reach. Picocli builds the model of every registered
     * command, with all its options, mixins and nested commands, from annotations at start-up: about half a second
     * for all of ours, spent on every run although a run uses one. A run naming a command gets that command alone
     * (its errors and help are the same), {@code --version} gets none, and anything else (no command, {@code --help},
     * {@code help}, a slide for the app, a mistyped word) gets them all.
     */
    public static CommandLine commandLineFor(Desktop desktop, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(desktop, List.of());
        }
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(desktop, List.of(c));
                }
            }
        }
        return commandLine(desktop);
    }

    private static CommandLine commandLine(Desktop desktop, List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new MarrowScopeCommand(desktop));
        subcommands.forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler(MarrowScopeCommand::handleFailure);
        cli.setExecutionStrategy(MarrowScopeCommand::executeGuarded);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    static CommandLine commandLine() {
        return commandLine(NO_DESKTOP);
    }

    /** No subcommand: the desktop app (a slide argument opens in it). */
    @Override
    public Integer call() {
        if (slide != null && !java.nio.file.Files.exists(slide)) {
            String name = slide.toString();
            // A bare word that is no file is a mistyped command, not a slide to open.
            if (name.indexOf('.') < 0 && name.indexOf('/') < 0 && name.indexOf(java.io.File.separatorChar) < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown command or file: '" + name
                        + "' (commands: info, classify, models, report, synth, train, evaluate, cohort, bench; or a slide file to open in the app)");
            }
            spec.commandLine().getErr().println("marrowscope: No such file: " + slide);
            return org.marrowscope.slide.SlideException.Kind.NOT_FOUND.exitCode();
        }
        return desktop.start(slide, VersionProvider.softwareName(), spec.commandLine().getErr());
    }

    /**
     * Runs the command with an out-of-memory guard: picocli hands only exceptions to the handler, and an
     * OutOfMemoryError reaching the JVM would print a trace and exit 1, which the README reserves for bugs.
     */
    static int executeGuarded(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            PrintWriter err = parsed.commandSpec().commandLine().getErr();
            err.println("marrowscope: " + MemoryMessages.outOfMemory());
            err.flush();
            return ExitCodes.OUT_OF_MEMORY;
        }
    }

    /** Known failures get one clear line on stderr and their own exit code; only bugs get a stack trace. */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        return switch (e) {
            case SlideException se -> {
                err.println("marrowscope: " + se.getMessage());
                yield se.kind().exitCode();
            }
            case org.marrowscope.io.OutputConflictException oc -> {
                err.println("marrowscope: " + oc.getMessage());
                yield ExitCodes.USAGE;
            }
            case org.marrowscope.pipeline.result.InvalidResultException ir -> {
                err.println("marrowscope: " + ir.getMessage());
                yield ExitCodes.RESULT_INVALID;
            }
            case org.marrowscope.pipeline.SlideUnsuitableException su -> {
                err.println("marrowscope: " + su.getMessage());
                yield ExitCodes.SLIDE_UNSUITABLE;
            }
            case IOException io -> {
                err.println("marrowscope: " + io.getMessage());
                yield ExitCodes.OUTPUT_FAILED;
            }
            case UncheckedIOException io -> {
                err.println("marrowscope: " + io.getCause().getMessage());
                yield ExitCodes.OUTPUT_FAILED;
            }
            case LabelFileException le -> {
                err.println("marrowscope: " + le.getMessage());
                yield ExitCodes.LABELS_INVALID;
            }
            case ModelBundleException me -> {
                err.println("marrowscope: " + me.getMessage());
                yield ExitCodes.MODEL_INVALID;
            }
            case CancellationException ce -> {
                err.println("marrowscope: cancelled");
                yield ExitCodes.CANCELLED;
            }
            case InterruptedException ie -> {
                err.println("marrowscope: cancelled");
                yield ExitCodes.CANCELLED;
            }
            case IllegalArgumentException iae -> {
                err.println("marrowscope: " + iae.getMessage());
                yield ExitCodes.USAGE;
            }
            default -> {
                err.println("marrowscope: internal error: " + e);
                e.printStackTrace(err);
                yield ExitCodes.INTERNAL_ERROR;
            }
        };
    }
}
