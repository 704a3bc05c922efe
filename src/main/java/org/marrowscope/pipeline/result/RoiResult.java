package org.marrowscope.pipeline.result;

import java.util.List;

/**
 * One selected ROI.
 *
 * @param index position in the selection (0-based)
 * @param x level-0 left edge
 * @param y level-0 top edge
 * @param size level-0 edge of the tile's footprint
 * @param quality stage-1 p(good)
 * @param probabilities per model (in the result's model order), the calibrated class probabilities
 * @param labels per model, the tile's label (argmax)
 * @param ensembleLabel the label with most votes across models (ties as the slide's vote: higher mean
 *     probability, then the class listed first)
 * @param distances per model, the domain check's distance of this tile (empty when no model has a check;
 *     NaN for a model without one)
 */
public record RoiResult(int index, long x, long y, long size, float quality, List<float[]> probabilities,
        List<String> labels, String ensembleLabel, double[] distances) {

    public RoiResult {
        probabilities = List.copyOf(probabilities);
        labels = List.copyOf(labels);
        distances = distances == null ? new double[0] : distances.clone();
    }

    @Override
    public double[] distances() {
        return distances.clone();
    }

    public long centreX() {
        return x + size / 2;
    }

    public long centreY() {
        return y + size / 2;
    }
}
