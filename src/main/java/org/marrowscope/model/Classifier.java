package org.marrowscope.model;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.marrowscope.model.ModelManifest.Role;

/**
 * Stage 2 (each classifier labels each ROI; the votes decide the slide): class probabilities per ROI from a
 * classifier bundle, softmax over the bundle's {@link #classes()} in that order.
 *
 * <p>Thread-safe: tiles are preprocessed on the calling thread and the forward passes serialised by the
 * bundle. Owns its bundle: closing this closes it.
 */
public final class Classifier extends BundleRunner {

    /** Wraps a loaded classifier bundle with the default batch size (32). */
    public Classifier(ModelBundle bundle) {
        this(bundle, TileBatcher.DEFAULT_BATCH_SIZE);
    }

    /** Wraps a loaded classifier bundle; tiles go to the model {@code batchSize} at a time. */
    public Classifier(ModelBundle bundle, int batchSize) {
        super(bundle, batchSize, Role.CLASSIFIER, "a classifier");
    }

    /** Loads the bundle in {@code dir} on the preferred device. */
    public static Classifier load(Path dir) throws ModelBundleException {
        ModelBundle bundle = ModelBundle.load(dir);
        try {
            return new Classifier(bundle);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /**
     * Class probabilities for each tile: {@code result[tile][class]}, each row summing to 1.
     *
     * @param tiles RGB tiles of any size (resized to the model's input size)
     */
    public float[][] probabilities(List<BufferedImage> tiles) {
        return batcher.probabilities(tiles);
    }

    /** The class names, in the order of {@link #probabilities(List)}'s columns. */
    public List<String> classes() {
        return bundle().manifest().classes();
    }
}
