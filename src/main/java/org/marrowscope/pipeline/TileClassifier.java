package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.util.List;

/** Stage 2's model: class probabilities (softmax, in {@link ModelInfo#classes()} order) for each tile. */
public interface TileClassifier {

    ModelInfo info();

    float[][] probabilities(List<BufferedImage> tiles) throws Exception;
}
