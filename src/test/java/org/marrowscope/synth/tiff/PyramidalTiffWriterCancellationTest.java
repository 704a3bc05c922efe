package org.marrowscope.synth.tiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that does not finish leaves nothing behind and keeps what was there. */
class PyramidalTiffWriterCancellationTest {

    private static final TiffWriteOptions OPTIONS = TiffWriteOptions.defaults().withThreads(2);

    @TempDir
    Path dir;

    @Test
    void interruptingFromProgressCancelsAndLeavesNoFile() throws IOException {
        Path out = dir.resolve("cancelled.tiff");
        assertThatThrownBy(() -> new PyramidalTiffWriter().write(new TestPatternRenderer(3000, 2000), out, OPTIONS,
                (done, total) -> {
                    if (done == 5) {
                        Thread.currentThread().interrupt();
                    }
                })).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt consumed by the exception").isFalse();
        assertThat(filesIn(dir)).isEmpty();
    }

    /**
     * The interrupt lands wherever the writing thread happens to be (waiting for a tile, writing
     * to the file, computing a reduced level); every such place must end as a cancellation.
     */
    @Test
    void interruptingFromAWorkerAtAnyPointCancelsAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("cancelled.tiff");
        for (int interruptAt = 1; interruptAt < 90; interruptAt += 4) {
            Thread writer = Thread.currentThread();
            int at = interruptAt;
            RegionRenderer interrupting = new CountingRenderer(new TestPatternRenderer(3000, 2000), new AtomicInteger(),
                    n -> {
                        if (n == at) {
                            writer.interrupt();
                        }
                    });
            assertThatThrownBy(() -> new PyramidalTiffWriter().write(interrupting, out, OPTIONS, WriteProgress.NONE))
                    .as("interrupt at tile %d", interruptAt)
                    .isInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).as("interrupt consumed by the exception").isFalse();
            assertThat(filesIn(dir)).isEmpty();
        }
    }

    @Test
    void aFailingRendererLeavesNoFileAndKeepsAnOlderOne() throws Exception {
        Path out = dir.resolve("slide.tiff");
        Files.writeString(out, "previous slide");
        RegionRenderer failing = new CountingRenderer(new TestPatternRenderer(3000, 2000), new AtomicInteger(), n -> {
            if (n == 30) {
                throw new IllegalStateException("renderer broke");
            }
        });
        assertThatThrownBy(() -> new PyramidalTiffWriter().write(failing, out, OPTIONS, WriteProgress.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessage("renderer broke");
        assertThat(filesIn(dir)).containsExactly(out);
        assertThat(Files.readString(out)).isEqualTo("previous slide");
    }

    @Test
    void aCompletedWriteReplacesAnOlderFileAndLeavesNoTemporary() throws Exception {
        Path out = dir.resolve("slide.tiff");
        Files.writeString(out, "previous slide");
        new PyramidalTiffWriter().write(new TestPatternRenderer(700, 600), out, OPTIONS, WriteProgress.NONE);
        assertThat(filesIn(dir)).containsExactly(out);
        assertThat(TiffTagReader.read(out).directories()).hasSize(1);
    }

    private static java.util.List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    /** Renders the test pattern and tells {@code afterTile} how many tiles it has rendered (from worker threads). */
    private record CountingRenderer(TestPatternRenderer inner, AtomicInteger rendered, IntConsumer afterTile)
            implements RegionRenderer {
        @Override
        public long width() {
            return inner.width();
        }

        @Override
        public long height() {
            return inner.height();
        }

        @Override
        public void render(long x, long y, int w, int h, int[] rgb) {
            inner.render(x, y, w, h, rgb);
            afterTile.accept(rendered.incrementAndGet());
        }
    }
}
