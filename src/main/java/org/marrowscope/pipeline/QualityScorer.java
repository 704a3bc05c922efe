package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.util.List;

/** Stage 1's model: p(good) for each tile of a batch (tiles at the model's scale, opaque RGB). */
@FunctionalInterface
public interface QualityScorer {
    float[] score(List<BufferedImage> tiles) throws Exception;
}
