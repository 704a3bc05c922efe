package org.marrowscope.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads tiles in batches on a pool, a few batches ahead of the consumer, so reading overlaps inference.
 * Results come back in the order of the tiles given.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Reads one tile; may fail with the slide's own exception. */
    @FunctionalInterface
    interface TileTask<T> {
        T read(Tile tile) throws Exception;
    }

    private final ExecutorService pool;
    private final List<Tile> tiles;
    private final int batchSize;
    private final TileTask<T> task;
    private final Deque<List<Future<T>>> pending = new ArrayDeque<>();
    private int submitted;

    ReadAhead(ExecutorService pool, List<Tile> tiles, int batchSize, int depth, TileTask<T> task) {
        this.pool = pool;
        this.tiles = tiles;
        this.batchSize = batchSize;
        this.task = task;
        for (int i = 0; i < depth; i++) {
            submit();
        }
    }

    private void submit() {
        if (submitted >= tiles.size()) {
            return;
        }
        int end = Math.min(tiles.size(), submitted + batchSize);
        List<Future<T>> batch = new ArrayList<>(end - submitted);
        for (Tile t : tiles.subList(submitted, end)) {
            batch.add(pool.submit(() -> task.read(t)));
        }
        pending.addLast(batch);
        submitted = end;
    }

    boolean hasNext() {
        return !pending.isEmpty();
    }

    /** The next batch, waiting for its reads; queues the batch after the read-ahead window. */
    List<T> next() {
        List<Future<T>> batch = pending.pollFirst();
        if (batch == null) {
            throw new NoSuchElementException();
        }
        submit();
        List<T> out = new ArrayList<>(batch.size());
        try {
            for (Future<T> f : batch) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while reading tiles");
        } catch (ExecutionException e) {
            throw new PipelineException("reading a tile failed: " + e.getCause().getMessage(), e.getCause());
        }
        return out;
    }

    /** Cancels the reads not yet consumed. */
    @Override
    public void close() {
        for (List<Future<T>> batch : pending) {
            batch.forEach(f -> f.cancel(true));
        }
        pending.clear();
    }
}
