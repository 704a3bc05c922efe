package org.marrowscope.eval;

import java.util.List;

/**
 * A confusion matrix, rows the true class and columns the predicted one, with the paper's metrics derived from
 * it. Counts are weights (whole numbers for a plain evaluation, bootstrap multiplicities in a resample).
 *
 * @param classes class names, the order of rows and columns
 * @param counts {@code counts[truth][predicted]}
 */
public record ConfusionMatrix(List<String> classes, double[][] counts) {

    public ConfusionMatrix {
        classes = List.copyOf(classes);
        double[][] copy = new double[classes.size()][];
        for (int i = 0; i < copy.length; i++) {
            if (counts[i].length != classes.size()) {
                throw new IllegalArgumentException("confusion matrix row " + i + " has " + counts[i].length + " columns");
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** The matrix of cases with the given truth and prediction, each counted with its weight. */
    public static ConfusionMatrix of(List<String> classes, int[] truth, int[] predicted, double[] weights) {
        double[][] c = new double[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            c[truth[i]][predicted[i]] += weights == null ? 1 : weights[i];
        }
        return new ConfusionMatrix(classes, c);
    }

    @Override
    public double[][] counts() {
        double[][] copy = new double[counts.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public double total() {
        double t = 0;
        for (double[] row : counts) {
            for (double v : row) {
                t += v;
            }
        }
        return t;
    }

    private double row(int c) {
        double s = 0;
        for (double v : counts[c]) {
            s += v;
        }
        return s;
    }

    private double column(int c) {
        double s = 0;
        for (double[] row : counts) {
            s += row[c];
        }
        return s;
    }

    /** Fraction of cases on the diagonal. */
    public double accuracy() {
        double diagonal = 0;
        for (int c = 0; c < counts.length; c++) {
            diagonal += counts[c][c];
        }
        return diagonal / total();
    }

    /** Sensitivity of class c (NaN when no case has that truth). */
    public double recall(int c) {
        return counts[c][c] / row(c);
    }

    /** Positive predictive value of class c (NaN when nothing was predicted as c). */
    public double precision(int c) {
        return counts[c][c] / column(c);
    }

    /** F1 of class c: 2TP / (2TP + FP + FN); NaN when the class is neither true nor predicted anywhere. */
    public double f1(int c) {
        double denominator = row(c) + column(c);
        return denominator == 0 ? Double.NaN : 2 * counts[c][c] / denominator;
    }

    /** Mean recall over the classes that occur in the truth. */
    public double balancedAccuracy() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < counts.length; c++) {
            if (row(c) > 0) {
                sum += recall(c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean F1 over the classes that occur in the truth or the predictions (scikit-learn's macro F1). */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < counts.length; c++) {
            double f = f1(c);
            if (!Double.isNaN(f)) {
                sum += f;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Each row divided by its total (the diagonal is then each class's sensitivity); empty rows stay zero. */
    public double[][] rowNormalised() {
        double[][] out = new double[counts.length][counts.length];
        for (int r = 0; r < counts.length; r++) {
            double s = row(r);
            for (int c = 0; c < counts.length; c++) {
                out[r][c] = s == 0 ? 0 : counts[r][c] / s;
            }
        }
        return out;
    }
}
