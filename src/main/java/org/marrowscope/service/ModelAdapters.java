package org.marrowscope.service;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
import org.marrowscope.model.ModelManifest.FileEntry;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.TileClassifier;

/** Presents loaded model bundles to the pipeline, which knows models only through its own small interfaces. */
final class ModelAdapters {

    private ModelAdapters() {
    }

    /** What results record of a bundle; the hash covers every file's own SHA-256, so any changed weight shows. */
    static ModelInfo info(ModelManifest m) {
        return new ModelInfo(m.name(), m.version(), m.role().name().toLowerCase(Locale.ROOT), bundleHash(m),
                Boolean.TRUE.equals(m.demo()), m.classes(), m.input().micronsPerPixel(), m.input().size());
    }

    static String bundleHash(ModelManifest m) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (FileEntry f : m.files()) {
                sha.update((f.path() + "\0" + f.sha256() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static TileClassifier classifier(Classifier classifier) {
        ModelInfo info = info(classifier.bundle().manifest());
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
