package org.marrowscope.pipeline.maps;

import java.util.List;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;

/**
 * The whole-slide maps (where the ROIs lie, and how strongly they support the slide's class), as rasters aligned to a
 * thumbnail of the slide.
 *
 * <p>density: a Gaussian kernel density of the ROI centres. probability: each ROI's probability of the
 * slide-level class (mean over the classifiers), spread over the slide by kernel regression with the same
 * kernel. saliency: their Hadamard product, normalised to [0, 1]. Where there are no ROIs the density is
 * near zero, so the interpolated probability there (which extrapolates the nearest ROIs) does not show.
 *
 * @param width raster width (the thumbnail's)
 * @param height raster height
 * @param density per pixel, normalised to max 1
 * @param probability per pixel, in [0, 1]
 * @param saliency per pixel, density x probability normalised to max 1
 */
public record SaliencyMap(int width, int height, float[] density, float[] probability, float[] saliency) {

    /** Default kernel bandwidth in tile footprints: wide enough to join neighbouring ROIs into areas. */
    public static final double DEFAULT_BANDWIDTH_TILES = 2.0;

    /**
     * Computes the maps for a classified result on a {@code width x height} raster covering the slide.
     *
     * @param bandwidth Gaussian kernel sigma in level-0 pixels
     */
    public static SaliencyMap compute(ClassificationResult result, int width, int height, double bandwidth) {
        if (!result.classifiable()) {
            throw new IllegalArgumentException("a slide that was not classifiable has no saliency map");
        }
        int target = result.ensemble().winner();
        List<RoiResult> rois = result.rois();
        double sx = (double) result.slide().width() / width;
        double sy = (double) result.slide().height() / height;
        float[] density = new float[width * height];
        float[] weighted = new float[width * height];
        // Gaussian evaluated in raster pixels; cut at 3 sigma, beyond which it is below 1.2% of the peak.
        double sigmaX = bandwidth / sx;
        double sigmaY = bandwidth / sy;
        int reachX = (int) Math.ceil(3 * sigmaX);
        int reachY = (int) Math.ceil(3 * sigmaY);
        for (RoiResult roi : rois) {
            double p = meanProbability(roi, target);
            double cx = roi.centreX() / sx - 0.5;
            double cy = roi.centreY() / sy - 0.5;
            int x0 = Math.max(0, (int) Math.floor(cx - reachX));
            int x1 = Math.min(width - 1, (int) Math.ceil(cx + reachX));
            int y0 = Math.max(0, (int) Math.floor(cy - reachY));
            int y1 = Math.min(height - 1, (int) Math.ceil(cy + reachY));
            for (int y = y0; y <= y1; y++) {
                double dy = (y - cy) / sigmaY;
                for (int x = x0; x <= x1; x++) {
                    double dx = (x - cx) / sigmaX;
                    float k = (float) Math.exp(-0.5 * (dx * dx + dy * dy));
                    density[y * width + x] += k;
                    weighted[y * width + x] += (float) (k * p);
                }
            }
        }
        float[] probability = new float[width * height];
        float[] saliency = new float[width * height];
        float maxDensity = 0;
        for (float d : density) {
            maxDensity = Math.max(maxDensity, d);
        }
        float maxSaliency = 0;
        for (int i = 0; i < density.length; i++) {
            probability[i] = density[i] > 1e-12f ? Math.min(1f, weighted[i] / density[i]) : 0f;
            saliency[i] = density[i] * probability[i];
            maxSaliency = Math.max(maxSaliency, saliency[i]);
        }
        for (int i = 0; i < density.length; i++) {
            density[i] = maxDensity > 0 ? density[i] / maxDensity : 0;
            saliency[i] = maxSaliency > 0 ? saliency[i] / maxSaliency : 0;
        }
        return new SaliencyMap(width, height, density, probability, saliency);
    }

    /** The default bandwidth for a result: {@link #DEFAULT_BANDWIDTH_TILES} tile footprints. */
    public static double defaultBandwidth(ClassificationResult result) {
        long footprint = result.rois().isEmpty() ? 512 : result.rois().getFirst().size();
        return DEFAULT_BANDWIDTH_TILES * footprint;
    }

    static double meanProbability(RoiResult roi, int classIndex) {
        double sum = 0;
        for (float[] p : roi.probabilities()) {
            sum += p[classIndex];
        }
        return sum / roi.probabilities().size();
    }
}
