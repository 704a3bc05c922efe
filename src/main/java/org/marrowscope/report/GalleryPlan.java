package org.marrowscope.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marrowscope.pipeline.maps.Misclassified;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;

/**
 * Which ROIs the galleries show, decided before any page is drawn so that their Grad-CAM maps can be computed
 * while the rest of the report is laid out.
 *
 * @param byClass per predicted class (in the models' class order, classes without ROIs left out), all its ROIs,
 *     most confident first
 * @param perClass how many of each class are shown
 * @param reference the reference diagnosis, or null
 * @param disagreeing ROIs labelled other than the reference, most confident first (empty without a reference)
 * @param disagreeingShown how many of those are shown
 */
record GalleryPlan(Map<String, List<RoiResult>> byClass, int perClass, String reference, List<RoiResult> disagreeing,
        int disagreeingShown) {

    static GalleryPlan of(ClassificationResult result, ReportOptions options, CaseInfo caseInfo) {
        Map<String, List<RoiResult>> byClass = new LinkedHashMap<>();
        String reference = caseInfo.referenceDiagnosis();
        if (!result.classifiable()) {
            return new GalleryPlan(byClass, 0, reference, List.of(), 0);
        }
        for (String c : result.classes()) {
            List<RoiResult> rois = mostConfidentFirst(result, result.rois().stream()
                    .filter(roi -> c.equals(roi.ensembleLabel())).toList());
            if (!rois.isEmpty()) {
                byClass.put(c, rois);
            }
        }
        List<RoiResult> disagreeing = reference == null ? List.of()
                : mostConfidentFirst(result, Misclassified.of(result, reference));
        return new GalleryPlan(byClass, options.galleryPerClass(), reference, disagreeing,
                Math.min(options.disagreeingShown(), disagreeing.size()));
    }

    /** The ROIs shown, in the order they are drawn. */
    List<RoiResult> shown() {
        List<RoiResult> all = new ArrayList<>();
        byClass.values().forEach(rois -> all.addAll(rois.subList(0, Math.min(perClass, rois.size()))));
        all.addAll(disagreeing.subList(0, disagreeingShown));
        return all;
    }

    /** Mean probability of {@code className} over the classifiers. */
    static double confidence(ClassificationResult result, RoiResult roi, String className) {
        int c = result.classes().indexOf(className);
        double sum = 0;
        for (float[] p : roi.probabilities()) {
            sum += p[c];
        }
        return sum / roi.probabilities().size();
    }

    private static List<RoiResult> mostConfidentFirst(ClassificationResult result, List<RoiResult> rois) {
        return rois.stream().sorted(Comparator.comparingDouble(
                (RoiResult roi) -> -confidence(result, roi, roi.ensembleLabel()))).toList();
    }
}
