package org.marrowscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds only the commands its arguments can reach, and what it builds behaves exactly as the full command
 * line: the same help, the same options, {@code bench view} where bench is.
 */
class LazyCommandLineTest {

    static final String[] ALL = {"info", "classify", "models", "report", "synth", "train", "evaluate", "cohort", "bench",
        "help"};

    @Test
    void aRunNamingACommandBuildsThatCommandAlone() {
        assertThat(Main.commandLine("classify", "slide.svs", "--json").getSubcommands()).containsOnlyKeys("classify");
        assertThat(Main.commandLine("train", "demo", "--help").getSubcommands()).containsOnlyKeys("train");
        assertThat(Main.commandLine("bench", "view").getSubcommands().get("bench").getSubcommands()).containsKey("view");
    }

    @Test
    void versionBuildsNoCommandAndEverythingElseBuildsThemAll() {
        assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(Main.commandLine("-V").getSubcommands()).isEmpty();
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "classify"}, {"slide.svs"}, {"clasify"},
            {"--version", "classify"}}) {
            assertThat(Main.commandLine(args).getSubcommands()).as(String.join(" ", args)).containsOnlyKeys(ALL);
        }
        assertThat(Main.commandLine().getSubcommands()).containsOnlyKeys(ALL);
    }

    @Test
    void aCommandBuiltAloneHasTheSameHelpAndVersionAsInTheFullCommandLine() {
        for (String name : ALL) {
            if (name.equals("help")) {
                continue;
            }
            String alone = Main.commandLine(name).getSubcommands().get(name).getUsageMessage();
            String full = Main.commandLine().getSubcommands().get(name).getUsageMessage();
            assertThat(alone).as(name).isEqualTo(full);
        }
        assertThat(run("--version")).isEqualTo(runFull("--version")).contains("MarrowScope");
    }

    private static String run(String... args) {
        return execute(Main.commandLine(args), args);
    }

    private static String runFull(String... args) {
        return execute(Main.commandLine(), args);
    }

    private static String execute(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.execute(args);
        return out.toString();
    }
}
