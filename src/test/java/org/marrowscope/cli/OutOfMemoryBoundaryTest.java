package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Issue 12, item 6: an OutOfMemoryError at the command boundary is a message and exit 25, not a trace and exit 1. */
class OutOfMemoryBoundaryTest {

    @Command(name = "greedy")
    static final class Greedy implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemoryIsExit25WithAMessage() {
        CommandLine cli = new CommandLine(new Greedy());
        cli.setExecutionStrategy(MarrowScopeCommand::executeGuarded);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute()).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(err.toString()).contains("not enough memory").contains("-Xmx").doesNotContain("\tat ");
    }
}
