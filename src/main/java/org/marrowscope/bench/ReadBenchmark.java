package org.marrowscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;

/**
 * Level-0 region reads per second through our binding, over a fixed list of positions so that a
 * native baseline can make exactly the same reads in the same order.
 */
public final class ReadBenchmark {

    /** A read position (top-left, level-0 pixels). */
    public record Position(long x, long y) {
    }

    /** Keeps the pixels read observable, so the JIT cannot drop the reads. */
    static volatile long sink;

    private ReadBenchmark() {
    }

    /** Seeded uniform positions of size x size regions lying fully inside the slide. */
    public static List<Position> positions(Slide slide, int size, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long maxX = Math.max(1, slide.width() - size);
        long maxY = Math.max(1, slide.height() - size);
        List<Position> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new Position(random.nextLong(maxX), random.nextLong(maxY)));
        }
        return out;
    }

    /** Reads every position once, thread t taking positions t, t+threads, ... like the C baseline; returns reads/s. */
    public static double readsPerSecond(Slide slide, List<Position> positions, int threads, int size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> readShare(slide, positions, first, threads, size)));
            }
            long checksum = 0;
            for (Future<Long> f : futures) {
                checksum += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sink = checksum;
            return positions.size() / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long readShare(Slide slide, List<Position> positions, int first, int step, int size) throws SlideException {
        long sum = 0;
        for (int i = first; i < positions.size(); i += step) {
            Position p = positions.get(i);
            sum += slide.readRegion(0, p.x(), p.y(), size, size).getRGB(size / 2, size / 2);
        }
        return sum;
    }
}
