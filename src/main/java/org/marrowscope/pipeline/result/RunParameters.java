package org.marrowscope.pipeline.result;

import java.util.List;

/**
 * Every setting that changes a result (the pipeline's settings and the resolutions used); two runs with equal
 * parameters, slide and models give the same result, which is what lets a saved result be reused.
 *
 * @param tilePixels model input tile edge at the model's scale (512)
 * @param stridePixels tile stride at the model's scale (256)
 * @param slideMicronsPerPixel the slide's level-0 resolution used for tiling
 * @param micronsPerPixelSource where that came from ("openslide.mpp-x/y", "tiff...", "user", "assumed")
 * @param modelMicronsPerPixel the resolution the models were trained at
 * @param roiCount ROIs per slide (200)
 * @param highThreshold stage-1 threshold (0.8)
 * @param lowThreshold stage-1 fallback threshold (0.5)
 * @param seed seed of the ROI draw
 * @param whiteMin corner rule: a channel value at or above which a pixel is plain white (235)
 * @param blackMax corner rule: at or below which plain black (20)
 * @param stainNormalisation "none" or "reinhard"
 * @param stainTarget Reinhard target: l, alpha, beta means then standard deviations; empty when none
 * @param uncertaintyMargin vote margin under which a result is flagged uncertain (0.10)
 * @param exhaustive stage 1 scored every tile instead of stopping early (same distribution)
 */
public record RunParameters(int tilePixels, int stridePixels, double slideMicronsPerPixel, String micronsPerPixelSource,
        double modelMicronsPerPixel, int roiCount, double highThreshold, double lowThreshold, long seed, int whiteMin,
        int blackMax, String stainNormalisation, List<Double> stainTarget, double uncertaintyMargin, boolean exhaustive) {

    public RunParameters {
        stainTarget = stainTarget == null ? List.of() : List.copyOf(stainTarget);
    }
}
