package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.pipeline.result.ModelInfo;

/** Stage 2's model: class probabilities (softmax, in {@link ModelInfo#classes()} order) for each tile. */
public interface TileClassifier {

    ModelInfo info();

    float[][] probabilities(List<BufferedImage> tiles) throws Exception;

    /**
     * Calibrated probabilities and domain distances from one forward pass. Without calibration: the plain
     * probabilities and no distances.
     */
    default Scores scores(List<BufferedImage> tiles) throws Exception {
        return new Scores(probabilities(tiles), null);
    }

    /** The model's calibration (temperature, domain check, conformal scores), when its bundle has one. */
    default Optional<ModelCalibration> calibration() {
        return Optional.empty();
    }

    /**
     * @param probabilities per tile, the (temperature-scaled) class probabilities
     * @param distances per tile, the domain check's distance; null when the model has no domain check
     */
    record Scores(float[][] probabilities, double[] distances) {
    }
}
