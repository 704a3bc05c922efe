package org.marrowscope.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's summary in --help is one whole sentence on one line, and the run options read the same everywhere. */
class CommandHelpTest {

    @Test
    void everyCommandListShowsWholeOneLineSummaries() {
        for (CommandLine command : all(Main.commandLine())) {
            if (command.getSubcommands().isEmpty() || command.getCommandName().equals("help")) {
                continue;
            }
            StringWriter text = new StringWriter();
            command.setUsageHelpWidth(80);
            command.usage(new PrintWriter(text));
            String list = text.toString().substring(text.toString().indexOf("Commands:"));
            for (String name : command.getSubcommands().keySet()) {
                CommandLine sub = command.getSubcommands().get(name);
                String[] header = sub.getCommandSpec().usageMessage().header();
                String summary = header.length > 0 ? header[0] : sub.getCommandSpec().usageMessage().description()[0];
                assertThat(summary).as("summary of %s %s", command.getCommandName(), name).endsWith(".");
                assertThat(list).as("command list of %s", command.getCommandName())
                        .containsPattern("(?m)^  " + java.util.regex.Pattern.quote(name) + " +" + java.util.regex.Pattern.quote(summary) + "$");
            }
        }
    }

    @Test
    void sharedRunOptionsHaveOneWording() {
        for (String option : List.of("--device", "--threads", "--torch-threads", "--no-progress")) {
            List<String> wordings = new ArrayList<>();
            for (CommandLine command : all(Main.commandLine())) {
                var spec = command.getCommandSpec().findOption(option);
                if (spec != null && !(command.getCommandName().equals("read") && option.equals("--threads"))) {
                    wordings.add(String.join(" ", spec.description()));
                }
            }
            assertThat(wordings).as(option).isNotEmpty();
            assertThat(wordings.stream().distinct().toList()).as("wordings of %s", option).hasSize(1);
        }
    }

    @Test
    void theDesktopsBenchmarkIsPluggedIn() {
        assertThat(Main.commandLine().getSubcommands().get("bench").getSubcommands()).containsKey("view");
    }

    private static List<CommandLine> all(CommandLine root) {
        List<CommandLine> out = new ArrayList<>(List.of(root));
        for (CommandLine sub : root.getSubcommands().values()) {
            out.addAll(all(sub));
        }
        return out;
    }
}
