package org.marrowscope.synth.tiff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Renders, downsamples and encodes the tiles of every level, one tile row at a time, and hands
 * them to the sink in row-major order. Level 0 drives the cascade: after each of its tile rows,
 * every reduced level whose buffer has filled a whole tile row is encoded in turn, so tile rows of
 * all levels are interleaved in the file. The tiles of a row run in parallel; the calling thread
 * only writes, in order, as each tile's future completes.
 */
final class TilePipeline {

    private final RegionRenderer source;
    private final PyramidGeometry geometry;
    private final TiffWriteOptions options;
    private final TiffFileSink sink;
    private final WriteProgress progress;
    private final ExecutorService workers;
    private final LevelCascade cascade;
    private final ConcurrentLinkedQueue<TileEncoder> idleEncoders = new ConcurrentLinkedQueue<>();
    private final long tilesTotal;
    private long tilesDone;

    TilePipeline(RegionRenderer source, PyramidGeometry geometry, TiffWriteOptions options,
                 TiffFileSink sink, WriteProgress progress, ExecutorService workers) {
        this.source = source;
        this.geometry = geometry;
        this.options = options;
        this.sink = sink;
        this.progress = progress;
        this.workers = workers;
        this.cascade = new LevelCascade(geometry);
        this.tilesTotal = geometry.totalTiles();
    }

    void run() throws IOException, InterruptedException {
        int lastLevel = geometry.levelCount() - 1;
        for (int row = 0; row < geometry.level(0).tilesDown(); row++) {
            encodeRow(0, row);
            for (int k = 1; k <= lastLevel && cascade.tileRowComplete(k); k++) {
                encodeRow(k, cascade.currentTileRow(k));
                cascade.advance(k);
            }
        }
        for (int k = 1; k <= lastLevel; k++) {
            if (cascade.currentTileRow(k) != geometry.level(k).tilesDown()) {
                throw new IllegalStateException("level " + k + " stopped at tile row " + cascade.currentTileRow(k));
            }
        }
    }

    /**
     * Releases the native JPEG and zlib state of the encoders no worker holds; call after the
     * workers have stopped. One still held by a straggling worker is left to the garbage collector.
     */
    void closeEncoders() {
        for (TileEncoder encoder; (encoder = idleEncoders.poll()) != null; ) {
            encoder.close();
        }
    }

    private void encodeRow(int level, int row) throws IOException, InterruptedException {
        LevelGeometry g = geometry.level(level);
        int validHeight = g.validHeight(row);
        List<Future<byte[]>> tiles = new ArrayList<>(g.tilesAcross());
        try {
            for (int tx = 0; tx < g.tilesAcross(); tx++) {
                int column = tx;
                tiles.add(workers.submit(() -> encodeTile(level, column, row, validHeight)));
            }
            for (int tx = 0; tx < tiles.size(); tx++) {
                byte[] data = await(tiles.get(tx));
                sink.append(level, row * g.tilesAcross() + tx, data);
                tilesDone++;
                progress.tilesWritten(tilesDone, tilesTotal);
                if (Thread.interrupted()) {
                    throw new InterruptedException("slide write cancelled");
                }
            }
        } finally {
            tiles.forEach(f -> f.cancel(true));
        }
        if (level + 1 < geometry.levelCount()) {
            cascade.sourceRowDone(level + 1, validHeight);
        }
    }

    private byte[] encodeTile(int level, int tx, int ty, int validHeight) throws IOException {
        LevelGeometry g = geometry.level(level);
        int validWidth = g.validWidth(tx);
        TileEncoder encoder = borrowEncoder();
        try {
            int[] pixels = encoder.pixels();
            if (level == 0) {
                source.render((long) tx * g.tileSize(), (long) ty * g.tileSize(), validWidth, validHeight, pixels);
                encoder.spreadAndPad(validWidth, validHeight);
            } else {
                cascade.copyTile(level, tx, pixels);
            }
            if (level + 1 < geometry.levelCount()) {
                cascade.downsampleInto(level + 1, pixels, tx, ty, validWidth, validHeight);
            }
            return encoder.encode();
        } finally {
            idleEncoders.offer(encoder);
        }
    }

    private TileEncoder borrowEncoder() {
        TileEncoder encoder = idleEncoders.poll();
        return encoder != null
                ? encoder
                : new TileEncoder(options.compression(), options.jpegQuality(), geometry.tileSize());
    }

    private static byte[] await(Future<byte[]> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("tile encoding failed", cause);
        }
    }
}
