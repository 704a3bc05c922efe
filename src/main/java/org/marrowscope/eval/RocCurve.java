package org.marrowscope.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * An empirical ROC curve: (false positive rate, true positive rate) from the strictest threshold to the most
 * lenient, one point per distinct score, starting at (0, 0) and ending at (1, 1).
 *
 * @param fpr false positive rates, non-decreasing
 * @param tpr true positive rates, non-decreasing
 */
public record RocCurve(double[] fpr, double[] tpr) {

    public RocCurve {
        fpr = fpr.clone();
        tpr = tpr.clone();
    }

    @Override
    public double[] fpr() {
        return fpr.clone();
    }

    @Override
    public double[] tpr() {
        return tpr.clone();
    }

    /** The curve of a binary problem; empty when positives or negatives are missing. */
    public static RocCurve of(double[] scores, boolean[] positive) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long p = 0;
        long n = 0;
        for (boolean b : positive) {
            if (b) {
                p++;
            } else {
                n++;
            }
        }
        if (p == 0 || n == 0) {
            return new RocCurve(new double[0], new double[0]);
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (positive[i]) {
                tp++;
            } else {
                fp++;
            }
            // One point per threshold: after the last case of a run of equal scores.
            if (k + 1 == order.length || scores[order[k + 1]] != scores[i]) {
                points.add(new double[] {(double) fp / n, (double) tp / p});
            }
        }
        return new RocCurve(points.stream().mapToDouble(q -> q[0]).toArray(), points.stream().mapToDouble(q -> q[1]).toArray());
    }

    /**
     * The macro-average of several curves: each curve's TPR linearly interpolated at the union of their FPRs, then
     * averaged (the usual construction, e.g. scikit-learn's documentation), keeping both ends of vertical steps
     * so that the average of identical curves is that curve. Empty curves are skipped.
     */
    public static RocCurve macroAverage(List<RocCurve> curves) {
        List<RocCurve> used = curves.stream().filter(c -> c.fpr.length > 0).toList();
        if (used.isEmpty()) {
            return new RocCurve(new double[0], new double[0]);
        }
        TreeSet<Double> grid = new TreeSet<>();
        for (RocCurve c : used) {
            for (double f : c.fpr) {
                grid.add(f);
            }
        }
        List<double[]> points = new ArrayList<>();
        for (double f : grid) {
            double low = 0;
            double high = 0;
            for (RocCurve c : used) {
                low += c.interpolate(f, false) / used.size();
                high += c.interpolate(f, true) / used.size();
            }
            points.add(new double[] {f, low});
            if (high > low) {
                points.add(new double[] {f, high});
            }
        }
        return new RocCurve(points.stream().mapToDouble(q -> q[0]).toArray(), points.stream().mapToDouble(q -> q[1]).toArray());
    }

    /** TPR at a given FPR, linear between points; at a vertical step, its top or its bottom. */
    double interpolate(double f, boolean top) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < fpr.length; i++) {
            if (fpr[i] == f) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first >= 0) {
            return top ? tpr[last] : tpr[first];
        }
        for (int i = 1; i < fpr.length; i++) {
            if (fpr[i] > f) {
                double t = (f - fpr[i - 1]) / (fpr[i] - fpr[i - 1]);
                return tpr[i - 1] + t * (tpr[i] - tpr[i - 1]);
            }
        }
        return 1;
    }

    /** Trapezoidal area under the curve. */
    public double area() {
        double a = 0;
        for (int i = 1; i < fpr.length; i++) {
            a += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return a;
    }
}
