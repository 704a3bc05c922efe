package org.marrowscope.slide;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Native destination buffers for region reads, kept per thread: allocating (and zero-filling) a fresh
 * megabyte for every 512x512 tile costs a measurable share of a read that OpenSlide serves from its cache.
 */
final class ReadBuffers {

    /** Buffers up to this many pixels are kept (a 1024x1024 region); larger reads use a one-off buffer. */
    static final int MAX_CACHED_PIXELS = 1024 * 1024;

    private static final ThreadLocal<MemorySegment> CACHED = new ThreadLocal<>();

    private ReadBuffers() {
    }

    /** A buffer of at least {@code pixels} ints, valid until the thread's next call or the arena's close. */
    static MemorySegment forPixels(int pixels, Arena oneOff) {
        if (pixels > MAX_CACHED_PIXELS) {
            return oneOff.allocate(JAVA_INT, pixels);
        }
        MemorySegment buffer = CACHED.get();
        if (buffer == null || buffer.byteSize() < (long) pixels * Integer.BYTES) {
            // The automatic arena frees the buffer once its thread (and so the thread-local) is gone.
            buffer = Arena.ofAuto().allocate(JAVA_INT, Math.max(pixels, 512 * 512));
            CACHED.set(buffer);
        }
        return buffer;
    }
}
