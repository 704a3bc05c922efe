package org.marrowscope.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marrowscope.calibration.ConformalCalibration.CalibrationSlide;
import org.marrowscope.calibration.DomainCheck;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.model.TileOutputs;

/**
 * The classifiers' scores on the calibration slides: for each slide that would be classified (stage 1 found its
 * ROIs and every model's domain check passes, by the same rule the pipeline applies), each classifier's mean
 * temperature-scaled probability per class over the ROIs.
 */
final class ConformalScores {

    private ConformalScores() {
    }

    /**
     * @param fitted each classifier's temperature and domain check
     * @param quality the quality model's domain check
     * @param summary receives the counts of slides used, not classifiable and refused as outside the domain
     * @return per classifier, its calibration slides (the same slides, in the same order, for every classifier)
     */
    static List<List<CalibrationSlide>> of(List<FeatureHarvest> cohort, List<ModelCalibration> fitted,
            DomainCheck quality, int classes, Map<String, Object> summary) {
        List<List<CalibrationSlide>> out = new ArrayList<>();
        fitted.forEach(f -> out.add(new ArrayList<>()));
        int notClassifiable = 0;
        int outside = 0;
        for (FeatureHarvest h : cohort) {
            if (!h.classifiable()) {
                notClassifiable++;
                continue;
            }
            int rois = h.perClassifier().getFirst().logits().length;
            boolean inside = !outside(quality, h.quality().features(), rois);
            List<double[]> means = new ArrayList<>();
            for (int m = 0; m < fitted.size(); m++) {
                TileOutputs o = h.perClassifier().get(m);
                inside &= !outside(fitted.get(m).domain(), o.features(), rois);
                double[] mean = new double[classes];
                for (float[] l : o.logits()) {
                    float[] p = fitted.get(m).temperatureOrNone().probabilities(l);
                    for (int c = 0; c < classes; c++) {
                        mean[c] += p[c] / rois;
                    }
                }
                means.add(mean);
            }
            if (!inside) {
                outside++;
                continue;
            }
            for (int m = 0; m < fitted.size(); m++) {
                out.get(m).add(new CalibrationSlide(h.slide().getFileName().toString(), h.classIndex(), means.get(m)));
            }
        }
        summary.put("calibrationSlides", cohort.size());
        summary.put("calibrationSlidesUsed", out.getFirst().size());
        summary.put("calibrationSlidesNotClassifiable", notClassifiable);
        summary.put("calibrationSlidesOutsideDomain", outside);
        return out;
    }

    /** The pipeline's rule on the first {@code count} tiles: more than the slide fraction unlike the training. */
    private static boolean outside(DomainCheck check, float[][] features, int count) {
        int unlike = 0;
        for (int i = 0; i < count; i++) {
            if (check.unlike(check.distance(features[i]))) {
                unlike++;
            }
        }
        return count > 0 && (double) unlike / count > check.slideFraction();
    }
}
