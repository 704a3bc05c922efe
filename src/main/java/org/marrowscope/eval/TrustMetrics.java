package org.marrowscope.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marrowscope.calibration.ConformalCalibration;
import org.marrowscope.calibration.ConformalCalibration.PredictionSet;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.labels.LabelledSlide;

/**
 * How far the results can be trusted on a labelled cohort: the empirical coverage of the conformal prediction sets
 * (the share of classified slides whose set holds the true class, to compare with the target), their sizes, and
 * how many slides were flagged uncertain. Beside that conditional coverage, the coverage over every slide of the
 * cohort counts a refused slide as not covered: the conformal guarantee is stated over all in-domain slides, and a
 * refusal gives the pathologist no set, so this is the stricter figure.
 */
final class TrustMetrics {

    private TrustMetrics() {
    }

    /**
     * @param slides the classified slides
     * @param results their results, in the same order
     * @param cohortSize every slide of the cohort, refused ones included
     */
    static Map<String, Object> of(List<LabelledSlide> slides, List<ClassificationResult> results, List<String> classes,
            int cohortSize) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uncertain", results.stream().filter(ClassificationResult::uncertain).count());
        Map<String, Object> sets = new LinkedHashMap<>();
        for (double coverage : ConformalCalibration.COVERAGES) {
            int withSet = 0;
            int covered = 0;
            int singletons = 0;
            int empty = 0;
            long sizes = 0;
            for (int i = 0; i < slides.size(); i++) {
                PredictionSet set = results.get(i).predictionSet(coverage);
                if (set == null) {
                    continue;
                }
                withSet++;
                sizes += set.classes().size();
                singletons += set.classes().size() == 1 ? 1 : 0;
                empty += set.classes().isEmpty() ? 1 : 0;
                covered += set.classes().contains(classes.get(slides.get(i).classIndex())) ? 1 : 0;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slides", withSet);
            m.put("covered", covered);
            m.put("coverage", withSet == 0 ? null : (double) covered / withSet);
            m.put("coverageOfCohort", cohortSize == 0 ? null : (double) covered / cohortSize);
            m.put("meanSize", withSet == 0 ? null : (double) sizes / withSet);
            m.put("singletons", singletons);
            m.put("empty", empty);
            sets.put(String.format(Locale.ROOT, "%.2f", coverage), m);
        }
        out.put("predictionSets", sets);
        return out;
    }

    /** The slides refused as outside the models' domain, by name. */
    static List<String> names(List<LabelledSlide> slides) {
        List<String> out = new ArrayList<>();
        slides.forEach(s -> out.add(s.slide().getFileName().toString()));
        return out;
    }
}
