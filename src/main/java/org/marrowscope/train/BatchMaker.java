package org.marrowscope.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.marrowscope.model.TilePreprocessor;

/**
 * Turns cached tiles into a model input batch: each tile is read, augmented with its own generator (seeded by
 * the run's seed, the epoch and the tile, so a batch is the same whichever thread prepares it) and passed
 * through the model's public {@link TilePreprocessor}, exactly as inference feeds the model.
 */
final class BatchMaker {

    /** A model input batch: NCHW floats and the class of each tile. */
    record Batch(float[] input, int[] labels) {

        int size() {
            return labels.length;
        }
    }

    private final TileCache cache;
    private final Augmenter augmenter;
    private final TilePreprocessor preprocessor;

    BatchMaker(TileCache cache, Augmenter augmenter, TilePreprocessor preprocessor) {
        this.cache = cache;
        this.augmenter = augmenter;
        this.preprocessor = preprocessor;
    }

    TileCache cache() {
        return cache;
    }

    Batch make(int[] indices, long seed, int epoch) {
        BufferedImage[] images = new BufferedImage[indices.length];
        int[] labels = new int[indices.length];
        IntStream.range(0, indices.length).parallel().forEach(k -> {
            int i = indices[k];
            try {
                images[k] = augmenter.apply(cache.read(i), new SplittableRandom(mix(seed, epoch, i)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            labels[k] = cache.label(i);
        });
        return new Batch(preprocessor.toTensor(List.of(images)), labels);
    }

    /** A well-spread 64-bit seed from (seed, epoch, tile) (SplitMix64 finaliser over a simple combination). */
    static long mix(long seed, long epoch, long tile) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + tile * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
