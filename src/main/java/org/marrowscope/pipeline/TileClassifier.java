package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.util.List;
import org.marrowscope.pipeline.result.ModelInfo;

/** Stage 2's model: class probabilities (softmax, in {@link ModelInfo#classes()} order) for each tile. */
public interface TileClassifier {

    ModelInfo info();

    float[][] probabilities(List<BufferedImage> tiles) throws Exception;
}
