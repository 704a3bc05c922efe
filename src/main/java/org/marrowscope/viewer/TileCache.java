package org.marrowscope.viewer;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used cache bounded by memory, not by count: tiles differ in size (edge tiles are smaller),
 * and what the user sets is megabytes. Thread-safe; the loader's threads put while the paint thread gets.
 *
 * @param <V> the cached tile image
 */
public final class TileCache<V> {

    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<TileKey, V> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long capacityBytes;
    private long sizeBytes;

    /**
     * @param capacityBytes the most the cached tiles may weigh together
     * @param weigher a tile's weight in bytes
     */
    public TileCache(long capacityBytes, ToLongFunction<V> weigher) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("tile cache capacity must be positive, got " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        this.weigher = weigher;
    }

    /** The tile, marking it recently used; null when not cached. */
    public synchronized V get(TileKey key) {
        return entries.get(key);
    }

    public synchronized boolean contains(TileKey key) {
        return entries.containsKey(key);
    }

    /** Adds a tile, evicting the least recently used ones until the cache fits its capacity again. */
    public synchronized void put(TileKey key, V value) {
        V old = entries.put(key, value);
        if (old != null) {
            sizeBytes -= weigher.applyAsLong(old);
        }
        sizeBytes += weigher.applyAsLong(value);
        evict();
    }

    public synchronized void setCapacity(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("tile cache capacity must be positive, got " + bytes);
        }
        capacityBytes = bytes;
        evict();
    }

    private void evict() {
        Iterator<Map.Entry<TileKey, V>> it = entries.entrySet().iterator();
        // Never evict the tile just added, even if it alone exceeds the capacity: it is about to be painted.
        while (sizeBytes > capacityBytes && entries.size() > 1 && it.hasNext()) {
            Map.Entry<TileKey, V> eldest = it.next();
            sizeBytes -= weigher.applyAsLong(eldest.getValue());
            it.remove();
        }
    }

    public synchronized void clear() {
        entries.clear();
        sizeBytes = 0;
    }

    public synchronized long sizeBytes() {
        return sizeBytes;
    }

    public synchronized long capacityBytes() {
        return capacityBytes;
    }

    public synchronized int count() {
        return entries.size();
    }
}
