package org.marrowscope.synth.tiff;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.marrowscope.io.AtomicFiles;

/**
 * Writes a {@link RegionRenderer}'s slide as a pyramidal tiled TIFF that OpenSlide (3.4.1 and
 * later) opens as {@code generic-tiff}: little-endian, classic TIFF or BigTIFF, level 0 plus levels
 * each 2x smaller (2x2 area average of the level above) tagged NewSubfileType=1, 8-bit RGB tiles
 * compressed with JPEG (YCbCr 4:2:0) or DEFLATE (RGB, horizontal predictor, lossless), edge tiles
 * padded with white, resolution tags in pixels per centimetre on every level.
 *
 * <p>The file is streamed: tiles are written as they are produced, tile rows of all levels
 * interleaved, and the IFDs with their offset tables follow the tile data, after which the header
 * is patched to point at them. The file appears under its name only when complete (written to a
 * hidden temporary file in the same folder, then moved); on failure or cancellation nothing is left
 * behind.
 *
 * <p><b>Memory bound.</b> No level is ever held whole. With tile size T, level-0 width W and
 * {@code threads} workers, the heap in use is about
 * <ul>
 *   <li>one tile row of every reduced level, 4·T·(W/2 + W/4 + ...) bytes with each width
 *       rounded up to whole tiles, so at most 4·T·(W + T·levels): ≈ 20 MB for W = 20,000 and
 *       ≈ 100 MB for W = 100,000 with T = 256;</li>
 *   <li>per worker, one tile of pixels and the encoder's buffers (≈ 4·T² + a few 100 KB);</li>
 *   <li>the compressed tiles of one tile row waiting to be written in order;</li>
 *   <li>16 bytes per tile for the offset tables (≈ 2.6 MB for 100,000 x 80,000).</li>
 * </ul>
 * Apart from the offset tables, height does not enter the bound. Measured: a 20,000 x 15,000 JPEG
 * slide writes in a 40 MiB heap, a 100,000-pixel-wide one in 256 MiB.
 *
 * <p><b>DEFLATE pyramids.</b> OpenSlide 3.4.1 decodes non-JPEG tiles through libtiff's RGBA
 * interface, which in libtiff 4.5 (Debian bookworm) misplaces the pixels of a level narrower or
 * shorter than one tile. DEFLATE pyramids therefore stop before such a level (they can have fewer
 * levels than the minimum level size alone would give), and a DEFLATE slide smaller than the tile
 * size is written with the largest multiple-of-16 tile that fits; both sides must be at least 16 px.
 *
 * <p><b>Cancellation.</b> Interrupting the calling thread stops the write: {@link #write} throws
 * {@link InterruptedException} and deletes the temporary file.
 */
public final class PyramidalTiffWriter {

    private static final long WORKER_STOP_WAIT_SECONDS = 30;

    /**
     * Writes the whole slide to {@code out}, replacing any file there once the new one is complete.
     *
     * @param progress told after each tile, on the calling thread
     * @throws InterruptedException when the calling thread is interrupted; no partial file is left
     *     and a file already at {@code out} is untouched
     * @throws IOException when the file cannot be written; likewise nothing partial is left
     */
    public void write(RegionRenderer source, Path out, TiffWriteOptions options, WriteProgress progress)
            throws IOException, InterruptedException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        PyramidGeometry geometry = PyramidGeometry.of(source.width(), source.height(), options);
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = AtomicFiles.newPartFile(target);
        try {
            writeTo(source, temporary, geometry, options, progress);
            AtomicFiles.move(temporary, target);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            if (failure instanceof ClosedByInterruptException closed) {
                // An interrupt that lands during a file write closes the channel instead of
                // interrupting a wait; to the caller it is the same cancellation.
                Thread.interrupted();
                InterruptedException cancelled = new InterruptedException("slide write cancelled");
                cancelled.initCause(closed);
                throw cancelled;
            }
            throw failure;
        }
    }

    private static void writeTo(RegionRenderer source, Path file, PyramidGeometry geometry,
                                TiffWriteOptions options, WriteProgress progress)
            throws IOException, InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), workerThreads());
        TilePipeline pipeline = null;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            TiffFileSink sink = new TiffFileSink(channel, geometry, options.format());
            pipeline = new TilePipeline(source, geometry, options, sink, progress, workers);
            pipeline.run();
            sink.finish((level, big) -> LevelTags.directory(geometry, level, options, big,
                    sink.offsets(level), sink.byteCounts(level)));
            channel.force(true);
        } finally {
            workers.shutdownNow();
            boolean interrupted = Thread.interrupted();
            try {
                workers.awaitTermination(WORKER_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                if (pipeline != null) {
                    pipeline.closeEncoders();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "tiff-tile-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
