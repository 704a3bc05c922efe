package org.marrowscope.calibration;

import java.util.List;

/**
 * A model's domain check: how far a tile's features lie from the model's training tiles, and the limits that
 * turn distances into a verdict.
 *
 * <p>Score: the Mahalanobis distance to the nearest class mean under one shared (tied) covariance,
 * d(f) = min_c sqrt((f - mu_c)^T P (f - mu_c)) with P the inverse covariance (Lee et al., NeurIPS 2018).
 * A tile is <em>unlike the training tiles</em> when d exceeds {@code tileThreshold}; a slide is outside the
 * model's domain when more than {@code slideFraction} of its tiles are.
 *
 * @param method always {@code "mahalanobis"}
 * @param feature what the features are, e.g. "penultimate layer, global average pool, 128 values"
 * @param classMeans one mean feature vector per class, in the model's class order
 * @param precision the inverse of the shared covariance (features x features)
 * @param tileThreshold distance above which a tile counts as unlike the training tiles
 * @param tilePercentile the percentile of held-out in-domain tiles' distances that set the threshold (99)
 * @param slideFraction a slide is outside the domain when more than this fraction of its tiles exceed the
 *     tile threshold
 * @param fit how the numbers were obtained
 */
public record DomainCheck(String method, String feature, List<double[]> classMeans, double[][] precision,
        double tileThreshold, double tilePercentile, double slideFraction, DomainFitSummary fit) {

    public static final String MAHALANOBIS = "mahalanobis";

    public DomainCheck {
        classMeans = List.copyOf(classMeans);
        if (!MAHALANOBIS.equals(method)) {
            throw new IllegalArgumentException("unknown domain-check method \"" + method + "\" (only mahalanobis)");
        }
        int k = precision.length;
        if (k == 0 || classMeans.isEmpty()) {
            throw new IllegalArgumentException("a domain check needs class means and a precision matrix");
        }
        for (double[] row : precision) {
            if (row.length != k) {
                throw new IllegalArgumentException("the precision matrix is not square");
            }
        }
        for (double[] m : classMeans) {
            if (m.length != k) {
                throw new IllegalArgumentException("a class mean has " + m.length + " values for " + k + " features");
            }
        }
        if (!(tileThreshold > 0) || !(slideFraction > 0 && slideFraction < 1)) {
            throw new IllegalArgumentException("domain-check limits out of range: tile threshold " + tileThreshold
                    + ", slide fraction " + slideFraction);
        }
    }

    /** How many feature values the check expects. */
    public int features() {
        return precision.length;
    }

    /** The distance of one feature vector to the nearest class mean. */
    public double distance(float[] feature) {
        int k = precision.length;
        if (feature.length != k) {
            throw new IllegalArgumentException("the domain check expects " + k + " features, got " + feature.length);
        }
        double best = Double.POSITIVE_INFINITY;
        double[] diff = new double[k];
        for (double[] mean : classMeans) {
            for (int i = 0; i < k; i++) {
                diff[i] = feature[i] - mean[i];
            }
            double sum = 0;
            for (int i = 0; i < k; i++) {
                double[] row = precision[i];
                double dot = 0;
                for (int j = 0; j < k; j++) {
                    dot += row[j] * diff[j];
                }
                sum += diff[i] * dot;
            }
            best = Math.min(best, sum);
        }
        return Math.sqrt(Math.max(0, best));
    }

    /** True when the tile at this distance is unlike the training tiles. */
    public boolean unlike(double distance) {
        return !(distance <= tileThreshold);
    }

    /**
     * How the check was calibrated.
     *
     * @param trainingTiles tiles the means and covariance came from
     * @param heldOutTiles held-out in-domain tiles whose distances set the tile threshold
     * @param validationSlides held-out slides that set the slide fraction
     * @param largestValidationFraction the largest fraction of unlike tiles on any validation slide
     * @param shrinkage ridge added to the covariance's diagonal, as a fraction of its mean variance
     */
    public record DomainFitSummary(int trainingTiles, int heldOutTiles, int validationSlides,
            double largestValidationFraction, double shrinkage) {
    }
}
