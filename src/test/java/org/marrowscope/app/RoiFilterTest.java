package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marrowscope.pipeline.SampleResults;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;

class RoiFilterTest {

    /** Eight ROIs, AML except 3 and 7 (MM); ROI i's own label has probability 0.5 + 0.05 i. */
    static ClassificationResult sample() {
        ClassificationResult r = SampleResults.result(8, "AML", 20_000, 10_000);
        List<RoiResult> rois = new ArrayList<>();
        for (RoiResult roi : r.rois()) {
            float[] p = new float[5];
            p[SampleResults.CLASSES.indexOf(roi.ensembleLabel())] = 0.5f + 0.05f * roi.index();
            rois.add(new RoiResult(roi.index(), roi.x(), roi.y(), roi.size(), roi.quality(), List.of(p), roi.labels(),
                    roi.ensembleLabel(), roi.distances()));
        }
        return new ClassificationResult(r.formatVersion(), r.software(), r.createdAt(), r.slide(), r.parameters(),
                r.outcome(), r.quality(), r.classifiers(), r.device(), r.timings(), r.selection(), rois, r.perModel(),
                r.ensemble(), r.domain(), r.predictionSets(), r.predictionSetNote(), r.uncertaintyReasons(),
                r.leftOutModels());
    }

    private static List<Integer> indices(List<RoiResult> rois) {
        return rois.stream().map(RoiResult::index).toList();
    }

    @Test
    void sortsByTheModelsConfidenceInTheirLabel() {
        ClassificationResult r = sample();
        assertThat(RoiFilter.confidence(r, r.rois().get(2))).isEqualTo(0.6, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(indices(new RoiFilter(null, false, null, RoiFilter.Order.CONFIDENCE_HIGH_FIRST).apply(r)))
                .containsExactly(7, 6, 5, 4, 3, 2, 1, 0);
        assertThat(indices(new RoiFilter(null, false, null, RoiFilter.Order.CONFIDENCE_LOW_FIRST).apply(r)))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(indices(new RoiFilter(null, false, null, RoiFilter.Order.SELECTION).apply(r))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void filtersByPredictedClassAndByMisclassifiedAgainstTheReference() {
        ClassificationResult r = sample();
        assertThat(r.diagnosis()).isEqualTo("AML");
        assertThat(indices(new RoiFilter("MM", false, null, RoiFilter.Order.SELECTION).apply(r))).containsExactly(3, 7);
        // Without a pathologist's diagnosis, misclassified means "not the slide's result".
        assertThat(indices(new RoiFilter(null, true, null, RoiFilter.Order.SELECTION).apply(r))).containsExactly(3, 7);
        // The pathologist says MM: now the AML ROIs disagree.
        assertThat(indices(new RoiFilter(null, true, "MM", RoiFilter.Order.SELECTION).apply(r))).containsExactly(0, 1, 2, 4, 5, 6);
        assertThat(indices(new RoiFilter("AML", true, "MM", RoiFilter.Order.CONFIDENCE_HIGH_FIRST).apply(r)))
                .containsExactly(6, 5, 4, 2, 1, 0);
        assertThat(new RoiFilter("CML", false, null, RoiFilter.Order.SELECTION).apply(r)).isEmpty();
    }
}
