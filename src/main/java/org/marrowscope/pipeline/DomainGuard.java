package org.marrowscope.pipeline;

import org.marrowscope.pipeline.result.ModelInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.marrowscope.calibration.DomainCheck;
import org.marrowscope.pipeline.result.DomainSummary;
import org.marrowscope.pipeline.result.DomainSummary.ModelDomain;

/**
 * Turns each model's domain distances into the slide's verdict: outside the models' domain when, for any model
 * that carries a check, more than its calibrated fraction of the tiles it saw are unlike its training tiles.
 */
final class DomainGuard {

    private DomainGuard() {
    }

    /** One model's verdict over its tiles' distances; null when the model has no check. */
    static ModelDomain judge(ModelInfo model, DomainCheck check, double[] distances) {
        if (check == null || distances == null) {
            return null;
        }
        int unlike = 0;
        for (double d : distances) {
            if (check.unlike(d)) {
                unlike++;
            }
        }
        return new ModelDomain(model.name(), model.role(), distances.length, unlike, check.slideFraction(),
                median(distances), check.tileThreshold());
    }

    /**
     * The slide's domain summary.
     *
     * @param verdicts the models' verdicts; null entries are models without a check
     */
    static DomainSummary summarise(List<ModelDomain> verdicts) {
        List<ModelDomain> checked = verdicts.stream().filter(v -> v != null).toList();
        boolean all = !verdicts.isEmpty() && checked.size() == verdicts.size();
        return new DomainSummary(all, checked, checked.stream().anyMatch(ModelDomain::outside));
    }

    /** The sentence that says why the slide is outside the domain, with each failing model's numbers. */
    static String reason(DomainSummary summary) {
        List<String> parts = new ArrayList<>();
        for (ModelDomain m : summary.failing()) {
            parts.add(String.format(Locale.ROOT, "%d of %d tiles (%.0f%%) are unlike %s's training tiles (limit %.0f%%)",
                    m.unlike(), m.tiles(), m.fraction() * 100, m.model(), m.limit() * 100));
        }
        return String.join("; ", parts);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
