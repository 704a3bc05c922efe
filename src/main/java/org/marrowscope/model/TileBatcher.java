package org.marrowscope.model;

import java.awt.image.BufferedImage;
import java.util.List;

/** Splits a list of tiles into batches, preprocesses each and collects the per-tile class probabilities. */
final class TileBatcher {

    /** Batch size used when none is given: 16-32 tiles keep native memory small on any device. */
    static final int DEFAULT_BATCH_SIZE = 32;

    private final ModelBundle bundle;
    private final TilePreprocessor preprocessor;
    private final int batchSize;

    TileBatcher(ModelBundle bundle, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.bundle = bundle;
        this.preprocessor = new TilePreprocessor(bundle.manifest().input());
        this.batchSize = batchSize;
    }

    int batchSize() {
        return batchSize;
    }

    TilePreprocessor preprocessor() {
        return preprocessor;
    }

    /** Logits and features for every tile, in input order. */
    TileOutputs outputs(List<BufferedImage> tiles) {
        List<TileOutputs> parts = new java.util.ArrayList<>();
        for (int from = 0; from < tiles.size(); from += batchSize) {
            List<BufferedImage> batch = tiles.subList(from, Math.min(tiles.size(), from + batchSize));
            parts.add(bundle.outputs(preprocessor.toTensor(batch), batch.size()));
        }
        return TileOutputs.concat(parts);
    }

    /** Class probabilities for every tile, in input order. */
    float[][] probabilities(List<BufferedImage> tiles) {
        int classes = bundle.manifest().classes().size();
        float[][] out = new float[tiles.size()][];
        for (int from = 0; from < tiles.size(); from += batchSize) {
            List<BufferedImage> batch = tiles.subList(from, Math.min(tiles.size(), from + batchSize));
            // Preprocessing happens outside the bundle's lock, so callers on several threads overlap it.
            float[] probs = bundle.probabilities(preprocessor.toTensor(batch), batch.size());
            for (int i = 0; i < batch.size(); i++) {
                float[] row = new float[classes];
                System.arraycopy(probs, i * classes, row, 0, classes);
                out[from + i] = row;
            }
        }
        return out;
    }
}
