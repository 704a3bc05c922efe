package org.marrowscope.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Derives a {@link DomainCheck} from a model's features on labelled in-domain tiles.
 *
 * <ol>
 *   <li>Class means and the shared covariance from the training tiles (each tile counted once, centred on its
 *       own class mean), with a small ridge so the inverse exists when features are correlated;
 *   <li>the tile threshold: the {@value #TILE_PERCENTILE}th percentile of the distances of held-out in-domain
 *       tiles (so about 1% of in-domain tiles are called unlike);
 *   <li>the slide fraction: twice the largest fraction of unlike tiles on any validation slide, kept within
 *       [{@value #MIN_SLIDE_FRACTION}, {@value #MAX_SLIDE_FRACTION}]: in-domain slides stay well below it, and a
 *       slide whose tiles are mostly unlike the training data is refused.
 * </ol>
 */
public final class DomainFit {

    public static final double TILE_PERCENTILE = 99;
    public static final double MIN_SLIDE_FRACTION = 0.25;
    public static final double MAX_SLIDE_FRACTION = 0.50;
    /** Ridge on the covariance diagonal, relative to the mean variance. */
    static final double SHRINKAGE = 1e-3;

    private DomainFit() {
    }

    /**
     * @param feature what the features are (stored with the check)
     * @param training training tiles' features
     * @param labels each training tile's class index
     * @param classes number of classes
     * @param heldOut held-out in-domain tiles' features (the threshold)
     * @param validationSlides per validation slide, its tiles' features (the slide fraction)
     */
    public static DomainCheck fit(String feature, List<float[]> training, int[] labels, int classes,
            List<float[]> heldOut, List<List<float[]>> validationSlides) {
        if (training.size() != labels.length) {
            throw new IllegalArgumentException(training.size() + " training tiles but " + labels.length + " labels");
        }
        if (training.isEmpty() || heldOut.isEmpty()) {
            throw new IllegalArgumentException("a domain check needs training and held-out tiles");
        }
        int k = training.getFirst().length;
        double[][] sums = new double[classes][k];
        int[] counts = new int[classes];
        for (int t = 0; t < training.size(); t++) {
            float[] f = training.get(t);
            counts[labels[t]]++;
            for (int i = 0; i < k; i++) {
                sums[labels[t]][i] += f[i];
            }
        }
        // A class no training tile belongs to has no mean (e.g. a quality model that called every tile good): the
        // distance is to the nearest of the classes seen. Every tile keeps its own class for the covariance.
        List<double[]> means = new ArrayList<>();
        double[][] byClass = new double[classes][];
        for (int c = 0; c < classes; c++) {
            if (counts[c] == 0) {
                continue;
            }
            double[] m = sums[c];
            byClass[c] = m;
            for (int i = 0; i < k; i++) {
                m[i] /= counts[c];
            }
            means.add(m);
        }
        double[][] cov = new double[k][k];
        double[] d = new double[k];
        for (int t = 0; t < training.size(); t++) {
            float[] f = training.get(t);
            double[] m = byClass[labels[t]];
            for (int i = 0; i < k; i++) {
                d[i] = f[i] - m[i];
            }
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    cov[i][j] += d[i] * d[j];
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                cov[i][j] /= training.size();
                cov[j][i] = cov[i][j];
            }
            trace += cov[i][i];
        }
        double ridge = SHRINKAGE * Math.max(trace / k, 1e-12);
        for (int i = 0; i < k; i++) {
            cov[i][i] += ridge;
        }
        RealMatrix precision = new CholeskyDecomposition(new Array2DRowRealMatrix(cov, false), 1e-15, 1e-15)
                .getSolver().getInverse();
        double[][] p = precision.getData();
        // Provisional limits so the record validates; the real ones follow from the distances below.
        DomainCheck provisional = new DomainCheck(DomainCheck.MAHALANOBIS, feature, means, p, 1, TILE_PERCENTILE,
                MAX_SLIDE_FRACTION, null);
        double[] heldOutDistances = heldOut.stream().mapToDouble(provisional::distance).toArray();
        double threshold = percentile(heldOutDistances, TILE_PERCENTILE);
        double largest = 0;
        for (List<float[]> slide : validationSlides) {
            long unlike = slide.stream().filter(f -> provisional.distance(f) > threshold).count();
            largest = Math.max(largest, slide.isEmpty() ? 0 : (double) unlike / slide.size());
        }
        double fraction = Math.min(MAX_SLIDE_FRACTION, Math.max(MIN_SLIDE_FRACTION, 2 * largest));
        return new DomainCheck(DomainCheck.MAHALANOBIS, feature, means, p, threshold, TILE_PERCENTILE, fraction,
                new DomainCheck.DomainFitSummary(training.size(), heldOut.size(), validationSlides.size(), largest,
                        SHRINKAGE));
    }

    /** The q-th percentile (0-100) by linear interpolation between order statistics. */
    static double percentile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q / 100 * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
