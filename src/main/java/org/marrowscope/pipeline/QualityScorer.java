package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.marrowscope.calibration.DomainCheck;

/** Stage 1's model: p(good) for each tile of a batch (tiles at the model's scale, opaque RGB). */
@FunctionalInterface
public interface QualityScorer {

    float[] score(List<BufferedImage> tiles) throws Exception;

    /** p(good) and, when the model has a domain check, each tile's distance; from one forward pass. */
    default Scores assess(List<BufferedImage> tiles) throws Exception {
        return new Scores(score(tiles), null);
    }

    /** The model's domain check, when its bundle has one. */
    default Optional<DomainCheck> domain() {
        return Optional.empty();
    }

    /**
     * @param good per tile, p(good)
     * @param distances per tile, the domain check's distance; null without a domain check
     */
    record Scores(float[] good, double[] distances) {
    }
}
