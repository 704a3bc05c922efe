package org.marrowscope.model;

/**
 * What a model computes for a batch of tiles before the softmax.
 *
 * @param logits per tile, one value per class
 * @param features per tile, the pooled penultimate features (a classifier) or the logits again (a single-file
 *     model): what the domain check measures
 */
public record TileOutputs(float[][] logits, float[][] features) {

    static TileOutputs of(float[] logits, int classes, float[] features, int featureCount, int tiles) {
        return new TileOutputs(rows(logits, classes, tiles), rows(features, featureCount, tiles));
    }

    private static float[][] rows(float[] flat, int width, int rows) {
        float[][] out = new float[rows][width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * width, out[r], 0, width);
        }
        return out;
    }

    /** The outputs of several batches, in order. */
    static TileOutputs concat(java.util.List<TileOutputs> parts) {
        int n = parts.stream().mapToInt(p -> p.logits.length).sum();
        float[][] l = new float[n][];
        float[][] f = new float[n][];
        int at = 0;
        for (TileOutputs p : parts) {
            System.arraycopy(p.logits, 0, l, at, p.logits.length);
            System.arraycopy(p.features, 0, f, at, p.features.length);
            at += p.logits.length;
        }
        return new TileOutputs(l, f);
    }
}
