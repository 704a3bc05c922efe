package org.marrowscope.pipeline.maps;

import java.util.List;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;

/**
 * ROIs whose label differs from the reference diagnosis (the ROI browser's filter and the report's gallery): the
 * pathologist's diagnosis when one was entered, else the slide-level result. A ROI's label is its ensemble label (the
 * one model's, for one model).
 */
public final class Misclassified {

    private Misclassified() {
    }

    /** @param reference the pathologist's diagnosis, or null to compare with the slide-level result */
    public static List<RoiResult> of(ClassificationResult result, String reference) {
        String against = reference != null ? reference : result.diagnosis();
        if (against == null) {
            return List.of();
        }
        if (!result.classes().contains(against)) {
            throw new IllegalArgumentException("'" + against + "' is not one of the models' classes " + result.classes());
        }
        return result.rois().stream().filter(r -> !against.equals(r.ensembleLabel())).toList();
    }
}
