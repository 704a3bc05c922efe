package org.marrowscope.viewer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Loads tiles in the background on a fixed number of threads. Each paint says which tiles it wants
 * ({@link #request}); that list replaces the queue, so tiles panned out of view before their turn are never
 * read, the queue can never grow past one screenful, and the tiles nearest the centre go first.
 *
 * @param <V> the tile image
 */
public final class TileLoader<V> implements AutoCloseable {

    /** Reads one tile; called on a loader thread. */
    @FunctionalInterface
    public interface Source<V> {
        V read(TileKey key) throws Exception;
    }

    /** Told on a loader thread when a tile arrived or failed. */
    public interface Listener {
        void loaded(TileKey key);

        void failed(TileKey key, Exception error);
    }

    private final Source<V> source;
    private final TileCache<V> cache;
    private final Listener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final LinkedHashSet<TileKey> pending = new LinkedHashSet<>();
    private final Set<TileKey> inFlight = new HashSet<>();
    private final Set<TileKey> failed = new HashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong reads = new AtomicLong();
    private List<TileKey> lastRequest = List.of();
    private boolean closed;

    public TileLoader(Source<V> source, TileCache<V> cache, int threadCount, Listener listener) {
        if (threadCount <= 0) {
            throw new IllegalArgumentException("loader threads must be positive, got " + threadCount);
        }
        this.source = source;
        this.cache = cache;
        this.listener = listener;
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < threadCount; i++) {
            Thread t = Thread.ofPlatform().daemon().name("marrowscope-tiles-" + n.incrementAndGet()).unstarted(this::work);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Replaces the queue with the wanted tiles not yet cached, in the given order. Tiles being read carry on;
     * a tile that failed once is not retried (the failure was reported).
     */
    public void request(List<TileKey> wanted) {
        lock.lock();
        try {
            lastRequest = List.copyOf(wanted);
            pending.clear();
            for (TileKey key : wanted) {
                if (!inFlight.contains(key) && !failed.contains(key) && !cache.contains(key)) {
                    pending.add(key);
                }
            }
            if (!pending.isEmpty()) {
                work.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The tiles the last {@link #request} asked for, in its order. */
    public List<TileKey> lastRequest() {
        lock.lock();
        try {
            return lastRequest;
        } finally {
            lock.unlock();
        }
    }

    /** Tiles read from the slide so far. */
    public long reads() {
        return reads.get();
    }

    /** True when nothing is queued or being read. */
    public boolean idle() {
        lock.lock();
        try {
            return pending.isEmpty() && inFlight.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            TileKey key;
            lock.lock();
            try {
                while (!closed && pending.isEmpty()) {
                    work.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                key = pending.removeFirst();
                inFlight.add(key);
            } finally {
                lock.unlock();
            }
            try {
                V tile = source.read(key);
                reads.incrementAndGet();
                cache.put(key, tile);
                done(key, false);
                listener.loaded(key);
            } catch (Exception e) {
                done(key, true);
                if (!isClosed()) {
                    listener.failed(key, e);
                }
            }
        }
    }

    private void done(TileKey key, boolean failure) {
        lock.lock();
        try {
            inFlight.remove(key);
            if (failure) {
                failed.add(key);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the threads after the reads in flight; queued tiles are dropped. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            pending.clear();
            work.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
