package org.marrowscope.calibration;

import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Temperature scaling (Guo et al., ICML 2017): calibrated probabilities are softmax(logits / T), with the one
 * number T fitted on held-out tiles by minimising the negative log-likelihood. T > 1 softens over-confident
 * probabilities; the argmax, and so every vote, is unchanged.
 *
 * @param value T
 * @param tiles held-out tiles it was fitted on
 * @param nllBefore mean negative log-likelihood at T = 1
 * @param nllAfter mean negative log-likelihood at T
 * @param eceBefore expected calibration error (15 equal-width confidence bins) at T = 1
 * @param eceAfter expected calibration error at T
 */
public record Temperature(double value, int tiles, double nllBefore, double nllAfter, double eceBefore,
        double eceAfter) {

    /** No scaling. */
    public static final Temperature NONE = new Temperature(1, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static final double MIN = 0.05;
    static final double MAX = 20;
    static final int BINS = 15;

    public Temperature {
        if (!(value >= MIN && value <= MAX)) {
            throw new IllegalArgumentException("temperature " + value + " is outside [" + MIN + ", " + MAX + "]");
        }
    }

    /** Fits T on logits ({@code logits[tile][class]}) with their true classes. */
    public static Temperature fit(float[][] logits, int[] labels) {
        if (logits.length == 0 || logits.length != labels.length) {
            throw new IllegalArgumentException("temperature scaling needs labelled tiles");
        }
        UnivariatePointValuePair best = new BrentOptimizer(1e-6, 1e-9).optimize(new MaxEval(200), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(logT -> nll(logits, labels, Math.exp(logT))),
                new SearchInterval(Math.log(MIN), Math.log(MAX), 0));
        double t = Math.exp(best.getPoint());
        return new Temperature(t, logits.length, nll(logits, labels, 1), nll(logits, labels, t), ece(logits, labels, 1),
                ece(logits, labels, t));
    }

    /** softmax(logits / T) of one tile. */
    public float[] probabilities(float[] logits) {
        return softmax(logits, value);
    }

    static float[] softmax(float[] logits, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l / t);
        }
        double[] e = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            e[c] = Math.exp(logits[c] / t - max);
            sum += e[c];
        }
        float[] out = new float[logits.length];
        for (int c = 0; c < logits.length; c++) {
            out[c] = (float) (e[c] / sum);
        }
        return out;
    }

    static double nll(float[][] logits, int[] labels, double t) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits[i]) {
                max = Math.max(max, l / t);
            }
            double z = 0;
            for (float l : logits[i]) {
                z += Math.exp(l / t - max);
            }
            sum -= logits[i][labels[i]] / t - max - Math.log(z);
        }
        return sum / logits.length;
    }

    static double ece(float[][] logits, int[] labels, double t) {
        double[] confidence = new double[BINS];
        double[] correct = new double[BINS];
        int[] count = new int[BINS];
        for (int i = 0; i < logits.length; i++) {
            float[] p = softmax(logits[i], t);
            int arg = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[arg]) {
                    arg = c;
                }
            }
            int bin = Math.min(BINS - 1, (int) (p[arg] * BINS));
            confidence[bin] += p[arg];
            correct[bin] += arg == labels[i] ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < BINS; b++) {
            if (count[b] > 0) {
                ece += Math.abs(correct[b] - confidence[b]) / logits.length;
            }
        }
        return ece;
    }
}
