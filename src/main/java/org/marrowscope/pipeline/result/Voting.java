package org.marrowscope.pipeline.result;

import java.util.List;

/**
 * Aggregation (paper, Methods): a tile's label is the argmax of its probabilities; a model's slide label is
 * the majority over its ROI labels; the ensemble pools every model's tile labels (e.g. 8 x 200 votes) and
 * takes the majority of the pool.
 */
public final class Voting {

    private Voting() {
    }

    /** Index of the largest probability; the first one on exact ties. */
    public static int argmax(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    /** One model's vote over its ROIs ({@code probabilities[roi][class]}). */
    public static Vote vote(List<String> classes, float[][] probabilities) {
        return ensemble(classes, List.<float[][]>of(probabilities));
    }

    /** One tile's vote across models (one probability vector per model), by the slide's rule. */
    public static Vote tile(List<String> classes, List<float[]> perModel) {
        List<float[][]> wrapped = new java.util.ArrayList<>(perModel.size());
        for (float[] p : perModel) {
            float[][] one = new float[1][];
            one[0] = p;
            wrapped.add(one);
        }
        return ensemble(classes, wrapped);
    }

    /** The pooled vote of several models over the same ROIs ({@code perModel[model][roi][class]}). */
    public static Vote ensemble(List<String> classes, List<float[][]> perModel) {
        int k = classes.size();
        int[] counts = new int[k];
        double[] probabilitySums = new double[k];
        int tiles = 0;
        for (float[][] model : perModel) {
            for (float[] tile : model) {
                if (tile.length != k) {
                    throw new IllegalArgumentException("a tile has " + tile.length + " probabilities for " + k + " classes");
                }
                counts[argmax(tile)]++;
                for (int c = 0; c < k; c++) {
                    probabilitySums[c] += tile[c];
                }
                tiles++;
            }
        }
        if (tiles == 0) {
            throw new IllegalArgumentException("no tiles to vote on");
        }
        double[] fractions = new double[k];
        double[] mean = new double[k];
        int winner = 0;
        for (int c = 0; c < k; c++) {
            fractions[c] = (double) counts[c] / tiles;
            mean[c] = probabilitySums[c] / tiles;
            if (counts[c] > counts[winner] || (counts[c] == counts[winner] && mean[c] > mean[winner])) {
                winner = c;
            }
        }
        return new Vote(classes, counts, fractions, mean, winner);
    }
}
