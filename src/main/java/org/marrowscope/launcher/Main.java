package org.marrowscope.launcher;

import org.marrowscope.app.AppLauncher;
import org.marrowscope.app.bench.BenchViewCommand;
import org.marrowscope.cli.MarrowScopeCommand;
import org.marrowscope.io.UserFolders;
import picocli.CommandLine;

/**
 * The process entry point (bin/marrowscope, the installers): the command line with the desktop plugged in. It
 * sits above both {@code cli} and {@code app}, so neither has to know the other: the command line gets the desktop
 * app for {@code marrowscope [SLIDE]} and the desktop's {@code bench view}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        UserFolders.useDataFolderForDjlCache();
        System.exit(commandLine(args).execute(args));
    }

    /** The full command line: cli's commands, the desktop app without a command, and {@code bench view}. */
    public static CommandLine commandLine() {
        return withDesktopCommands(MarrowScopeCommand.commandLine(AppLauncher::launch));
    }

    /** The command line a run with {@code args} needs: only the command it names (see the cli's commandLineFor). */
    static CommandLine commandLine(String... args) {
        return withDesktopCommands(MarrowScopeCommand.commandLineFor(AppLauncher::launch, args));
    }

    private static CommandLine withDesktopCommands(CommandLine cli) {
        CommandLine bench = cli.getSubcommands().get("bench");
        if (bench != null) {
            bench.addSubcommand("view", new BenchViewCommand());
        }
        return cli;
    }
}
