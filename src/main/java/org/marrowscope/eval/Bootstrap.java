package org.marrowscope.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals, resampling patients with replacement (a resampled patient brings
 * all its cases, so the tile level's interval reflects that tiles of one slide are not independent). Seeded:
 * the same seed gives the same intervals.
 *
 * @param resamples number of resamples (1000 by default)
 * @param seed seed of the resampling
 * @param level two-sided confidence level (0.95)
 */
public record Bootstrap(int resamples, long seed, double level) {

    public static final Bootstrap DEFAULT = new Bootstrap(1000, 1, 0.95);

    public Bootstrap {
        if (resamples < 0) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 0, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }

    /** Interval [low, high] of each headline metric ({@link Metrics#NAMES}); NaN bounds when not computable. */
    public Map<String, double[]> intervals(Cases cases) {
        Map<String, double[]> samples = new LinkedHashMap<>();
        for (String name : Metrics.NAMES) {
            samples.put(name, new double[resamples]);
        }
        Cases.Ranked ranked = cases.rank();
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[cases.patients()];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(weights, 0);
            for (int i = 0; i < cases.patients(); i++) {
                weights[random.nextInt(cases.patients())]++;
            }
            Map<String, Double> m = ranked.metrics(weights).byName();
            for (String name : Metrics.NAMES) {
                samples.get(name)[b] = m.get(name);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : Metrics.NAMES) {
            out.put(name, percentiles(samples.get(name), (1 - level) / 2, 1 - (1 - level) / 2));
        }
        return out;
    }

    /** The two quantiles of the finite values (linear interpolation between order statistics, R's type 7). */
    static double[] percentiles(double[] values, double low, double high) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {quantile(v, low), quantile(v, high)};
    }

    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
