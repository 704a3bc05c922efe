package org.marrowscope.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Scores of a binary problem sorted once, so that the area under the ROC curve can be computed for any weighting
 * of the cases (a bootstrap resample is a weighting) in one linear pass.
 *
 * <p>AUC is the probability that a random positive scores above a random negative, ties counting one half (the
 * Mann-Whitney statistic, equal to the trapezoidal area under the empirical ROC curve).
 */
final class RankedScores {

    private final int[] order;
    /** Start of each tie group in {@link #order}, plus a final sentinel. */
    private final int[] groups;
    private final boolean[] positive;
    /** For each element, the case whose weight it carries. */
    private final int[] caseIndex;

    /**
     * @param scores a score per case, higher meaning more likely positive
     * @param positive whether each case is positive
     * @param caseOf for element i, the index of the case whose weight it takes
     */
    RankedScores(double[] scores, boolean[] positive, int[] caseOf) {
        this.positive = positive.clone();
        this.caseIndex = caseOf.clone();
        Integer[] boxed = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble(i -> scores[i]));
        this.order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        int[] starts = new int[scores.length + 1];
        int n = 0;
        for (int k = 0; k < order.length; k++) {
            if (k == 0 || scores[order[k]] != scores[order[k - 1]]) {
                starts[n++] = k;
            }
        }
        starts[n++] = order.length;
        this.groups = Arrays.copyOf(starts, n);
    }

    /** The AUC with each element weighted by its case's weight; NaN when positives or negatives weigh nothing. */
    double auc(double[] caseWeights) {
        double negativesBelow = 0;
        double area = 0;
        double positives = 0;
        for (int g = 0; g + 1 < groups.length; g++) {
            double pos = 0;
            double neg = 0;
            for (int k = groups[g]; k < groups[g + 1]; k++) {
                int i = order[k];
                double w = caseWeights == null ? 1 : caseWeights[caseIndex[i]];
                if (positive[i]) {
                    pos += w;
                } else {
                    neg += w;
                }
            }
            area += pos * (negativesBelow + 0.5 * neg);
            negativesBelow += neg;
            positives += pos;
        }
        return positives == 0 || negativesBelow == 0 ? Double.NaN : area / (positives * negativesBelow);
    }
}
