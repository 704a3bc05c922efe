package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void outsideATerminalProgressIsPlainLinesWithoutCarriageReturns() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressBar bar = ProgressReporter.bar("slide.svs", err, false)) {
            bar.maxHint(200);
            for (int i = 1; i <= 200; i++) {
                bar.stepTo(i);
                bar.setExtraMessage("quality, 3.0 tiles/s, cpu");
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").endsWith("slide.svs: 100% (200/200), quality, 3.0 tiles/s, cpu" + System.lineSeparator());
        // 200 updates within a second: the first and the final line, not one per update.
        assertThat(text.lines().count()).isBetween(1L, 3L);
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = ProgressReporter.bar("slide.svs", new PrintStream(bytes, true, StandardCharsets.UTF_8), true)) {
            bar.maxHint(10);
            bar.stepTo(5);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\r").contains("slide.svs");
    }
}
