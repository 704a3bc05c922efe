package org.marrowscope.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.marrowscope.model.ModelManifest.Role;

/**
 * Stage 1 (the quality model that picks the ROIs among the tissue tiles): p(good) per tile from a quality bundle.
 *
 * <p>Thread-safe: tiles are preprocessed on the calling thread and the forward passes serialised by the
 * bundle. Owns its bundle: closing this closes it.
 */
public final class QualityModel extends BundleRunner {

    private final int goodIndex;

    /** Wraps a loaded quality bundle with the default batch size (32). */
    public QualityModel(ModelBundle bundle) {
        this(bundle, TileBatcher.DEFAULT_BATCH_SIZE);
    }

    /** Wraps a loaded quality bundle; tiles go to the model {@code batchSize} at a time. */
    public QualityModel(ModelBundle bundle, int batchSize) {
        super(bundle, batchSize, Role.QUALITY, "a quality model");
        this.goodIndex = bundle.manifest().goodIndex();
    }

    /** Loads the bundle in {@code dir} on the preferred device. */
    public static QualityModel load(Path dir) throws ModelBundleException {
        ModelBundle bundle = ModelBundle.load(dir);
        try {
            return new QualityModel(bundle);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** The index of "good" among the model's classes. */
    public int goodIndex() {
        return goodIndex;
    }

    /**
     * p(good) for each tile, in order.
     *
     * @param tiles RGB tiles of any size (resized to the model's input size)
     */
    public float[] score(List<BufferedImage> tiles) {
        float[][] probs = batcher.probabilities(tiles);
        float[] out = new float[probs.length];
        for (int i = 0; i < probs.length; i++) {
            out[i] = probs[i][goodIndex];
        }
        return out;
    }
}
