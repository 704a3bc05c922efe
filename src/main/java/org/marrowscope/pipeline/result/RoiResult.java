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
 * @param probabilities per model (in the result's model order), the class probabilities
 * @param labels per model, the tile's label (argmax)
 * @param ensembleLabel the label this tile contributes most votes to across models (ties: first model's)
 */
public record RoiResult(int index, long x, long y, long size, float quality, List<float[]> probabilities,
        List<String> labels, String ensembleLabel) {

    public RoiResult {
        probabilities = List.copyOf(probabilities);
        labels = List.copyOf(labels);
    }

    public long centreX() {
        return x + size / 2;
    }

    public long centreY() {
        return y + size / 2;
    }
}
