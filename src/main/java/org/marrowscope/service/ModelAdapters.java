package org.marrowscope.service;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.marrowscope.calibration.DomainCheck;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.model.BundleRunner;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.QualityModel;
import org.marrowscope.pipeline.QualityScorer;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.pipeline.result.ModelInfo;
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
        Optional<ModelCalibration> calibration = classifier.bundle().calibration();
        return new TileClassifier() {
            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public float[][] probabilities(List<BufferedImage> tiles) {
                return classifier.scored(tiles).probabilities();
            }

            @Override
            public Scores scores(List<BufferedImage> tiles) {
                BundleRunner.Scored s = classifier.scored(tiles);
                return new Scores(s.probabilities(), s.distances());
            }

            @Override
            public Optional<ModelCalibration> calibration() {
                return calibration;
            }
        };
    }

    /** Stage 1's scorer: p(good), with the quality model's domain distances when its bundle has a check. */
    static QualityScorer quality(QualityModel quality) {
        Optional<DomainCheck> domain = quality.bundle().calibration().map(ModelCalibration::domain);
        int good = quality.goodIndex();
        return new QualityScorer() {
            @Override
            public float[] score(List<BufferedImage> tiles) {
                return assess(tiles).good();
            }

            @Override
            public Scores assess(List<BufferedImage> tiles) {
                BundleRunner.Scored s = quality.scored(tiles);
                float[] p = new float[tiles.size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = s.probabilities()[i][good];
                }
                return new Scores(p, s.distances());
            }

            @Override
            public Optional<DomainCheck> domain() {
                return domain;
            }
        };
    }
}
