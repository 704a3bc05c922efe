package org.marrowscope.app;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marrowscope.pipeline.maps.Misclassified;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;

/**
 * Which ROIs the browser shows and in what order (no JavaFX, so it is tested directly).
 *
 * @param predictedClass only ROIs with this ensemble label; null for all
 * @param misclassifiedOnly only ROIs whose label differs from the reference (see {@code Misclassified})
 * @param reference the pathologist's diagnosis, or null to compare with the slide's result
 * @param order display order
 */
record RoiFilter(String predictedClass, boolean misclassifiedOnly, String reference, Order order) {

    enum Order {
        CONFIDENCE_HIGH_FIRST("Confidence, highest first"),
        CONFIDENCE_LOW_FIRST("Confidence, lowest first"),
        SELECTION("Selection order");

        private final String label;

        Order(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The ROI's confidence: the models' mean probability of the label it was given. */
    static double confidence(ClassificationResult result, RoiResult roi) {
        int index = result.classes().indexOf(roi.ensembleLabel());
        if (index < 0 || roi.probabilities().isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (float[] p : roi.probabilities()) {
            sum += p[index];
        }
        return sum / roi.probabilities().size();
    }

    List<RoiResult> apply(ClassificationResult result) {
        Set<Integer> wrong = new HashSet<>();
        if (misclassifiedOnly) {
            Misclassified.of(result, reference).forEach(r -> wrong.add(r.index()));
        }
        Comparator<RoiResult> byConfidence = Comparator.comparingDouble(r -> confidence(result, r));
        Comparator<RoiResult> comparator = switch (order) {
            case CONFIDENCE_HIGH_FIRST -> byConfidence.reversed().thenComparingInt(RoiResult::index);
            case CONFIDENCE_LOW_FIRST -> byConfidence.thenComparingInt(RoiResult::index);
            case SELECTION -> Comparator.comparingInt(RoiResult::index);
        };
        return result.rois().stream()
                .filter(r -> predictedClass == null || predictedClass.equals(r.ensembleLabel()))
                .filter(r -> !misclassifiedOnly || wrong.contains(r.index()))
                .sorted(comparator)
                .toList();
    }
}
