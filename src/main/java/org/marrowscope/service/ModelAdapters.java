package org.marrowscope.service;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.pipeline.ModelInfo;
import org.marrowscope.pipeline.TileClassifier;

/** Presents loaded model bundles to the pipeline, which knows models only through its own small interfaces. */
final class ModelAdapters {

    private ModelAdapters() {
    }

    /**
     * What results record of a bundle. The hash is the bundle digest over the manifest and every file
     * ({@link org.marrowscope.model.BundleDigest}), so a changed class list or goodIndex shows as another model.
     */
    static ModelInfo info(ModelManifest m, String digest) {
        return new ModelInfo(m.name(), m.version(), m.role().name().toLowerCase(Locale.ROOT), digest,
                Boolean.TRUE.equals(m.demo()), m.classes(), m.input().micronsPerPixel(), m.input().size());
    }

    static TileClassifier classifier(Classifier classifier) {
        ModelInfo info = info(classifier.bundle().manifest(), classifier.bundle().digest());
        return new TileClassifier() {
            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public float[][] probabilities(List<BufferedImage> tiles) {
                return classifier.probabilities(tiles);
            }
        };
    }
}
