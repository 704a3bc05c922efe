package org.marrowscope.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TileLoaderTest {

    private static TileKey key(int i) {
        return new TileKey(0, i, 0);
    }

    private static void awaitIdle(TileLoader<?> loader) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!loader.idle() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(loader.idle()).isTrue();
    }

    @Test
    void loadsWhatIsRequestedInOrderIntoTheCacheAndNeverTwice() throws Exception {
        TileCache<String> cache = new TileCache<>(1 << 20, s -> 10);
        List<TileKey> read = Collections.synchronizedList(new ArrayList<>());
        List<TileKey> told = Collections.synchronizedList(new ArrayList<>());
        try (TileLoader<String> loader = new TileLoader<>(k -> {
            read.add(k);
            return "tile " + k.column();
        }, cache, 1, listener(told))) {
            loader.request(List.of(key(3), key(1), key(2)));
            awaitIdle(loader);
            assertThat(read).containsExactly(key(3), key(1), key(2));
            assertThat(cache.get(key(1))).isEqualTo("tile 1");
            loader.request(List.of(key(1), key(2), key(4)));
            awaitIdle(loader);
            assertThat(read).containsExactly(key(3), key(1), key(2), key(4));
            assertThat(told).hasSize(4);
            assertThat(loader.reads()).isEqualTo(4);
            assertThat(loader.lastRequest()).containsExactly(key(1), key(2), key(4));
        }
    }

    @Test
    void aNewRequestDropsQueuedTilesThatAreNoLongerWanted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstStarted = new CountDownLatch(1);
        List<TileKey> read = Collections.synchronizedList(new ArrayList<>());
        TileCache<String> cache = new TileCache<>(1 << 20, s -> 10);
        try (TileLoader<String> loader = new TileLoader<>(k -> {
            read.add(k);
            firstStarted.countDown();
            release.await();
            return "x";
        }, cache, 1, listener(new ArrayList<>()))) {
            loader.request(List.of(key(0), key(1), key(2), key(3)));
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            // The user panned: only tile 9 is wanted now; 1-3 were never read.
            loader.request(List.of(key(9)));
            release.countDown();
            awaitIdle(loader);
            assertThat(read).containsExactly(key(0), key(9));
        }
    }

    @Test
    void aFailedTileIsReportedOnceAndNotRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<TileKey> failures = Collections.synchronizedList(new ArrayList<>());
        TileCache<String> cache = new TileCache<>(1 << 20, s -> 10);
        try (TileLoader<String> loader = new TileLoader<>(k -> {
            attempts.incrementAndGet();
            throw new java.io.IOException("broken tile");
        }, cache, 2, new TileLoader.Listener() {
            @Override
            public void loaded(TileKey key) {
            }

            @Override
            public void failed(TileKey key, Exception error) {
                failures.add(key);
            }
        })) {
            loader.request(List.of(key(1)));
            awaitIdle(loader);
            loader.request(List.of(key(1)));
            awaitIdle(loader);
            assertThat(attempts).hasValue(1);
            assertThat(failures).containsExactly(key(1));
        }
    }

    private static TileLoader.Listener listener(List<TileKey> told) {
        return new TileLoader.Listener() {
            @Override
            public void loaded(TileKey key) {
                told.add(key);
            }

            @Override
            public void failed(TileKey key, Exception error) {
                throw new AssertionError("tile failed: " + key, error);
            }
        };
    }
}
