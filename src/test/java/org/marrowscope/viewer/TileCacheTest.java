package org.marrowscope.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TileCacheTest {

    private static TileKey key(int i) {
        return new TileKey(0, i, 0);
    }

    @Test
    void evictsTheLeastRecentlyUsedToStayWithinItsBytes() {
        TileCache<byte[]> cache = new TileCache<>(1000, b -> b.length);
        cache.put(key(1), new byte[400]);
        cache.put(key(2), new byte[400]);
        assertThat(cache.get(key(1))).isNotNull();
        cache.put(key(3), new byte[400]);
        // 1 was used after 2, so 2 goes.
        assertThat(cache.contains(key(2))).isFalse();
        assertThat(cache.contains(key(1))).isTrue();
        assertThat(cache.contains(key(3))).isTrue();
        assertThat(cache.sizeBytes()).isEqualTo(800);
        assertThat(cache.count()).isEqualTo(2);
    }

    @Test
    void replacingATileCountsItsNewWeightAndShrinkingEvicts() {
        TileCache<byte[]> cache = new TileCache<>(1000, b -> b.length);
        cache.put(key(1), new byte[100]);
        cache.put(key(1), new byte[300]);
        assertThat(cache.sizeBytes()).isEqualTo(300);
        cache.put(key(2), new byte[300]);
        cache.setCapacity(400);
        assertThat(cache.sizeBytes()).isEqualTo(300);
        assertThat(cache.contains(key(2))).isTrue();
        cache.clear();
        assertThat(cache.sizeBytes()).isZero();
    }

    @Test
    void aSingleTileLargerThanTheCacheIsKeptUntilTheNext() {
        TileCache<byte[]> cache = new TileCache<>(100, b -> b.length);
        cache.put(key(1), new byte[500]);
        assertThat(cache.contains(key(1))).isTrue();
        cache.put(key(2), new byte[50]);
        assertThat(cache.contains(key(1))).isFalse();
        assertThat(cache.sizeBytes()).isEqualTo(50);
        assertThatThrownBy(() -> new TileCache<byte[]>(0, b -> 1)).hasMessageContaining("capacity");
    }
}
