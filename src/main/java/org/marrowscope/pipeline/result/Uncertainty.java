package org.marrowscope.pipeline.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's own future work: say "uncertain" rather than silently misclassify. A result is flagged when
 * the ensemble's vote margin is small or when the models' slide labels disagree.
 *
 * @param minimumMargin winner's vote fraction minus the runner-up's below which the vote is uncertain (0.10)
 */
public record Uncertainty(double minimumMargin) {

    public static final Uncertainty DEFAULT = new Uncertainty(0.10);

    /** The reasons for doubt, empty when the result is not uncertain. */
    public List<String> reasons(Vote ensemble, List<Vote> perModel) {
        List<String> reasons = new ArrayList<>();
        if (ensemble.margin() < minimumMargin) {
            reasons.add(String.format(Locale.ROOT, "vote margin %.0f%% is below %.0f%%", ensemble.margin() * 100,
                    minimumMargin * 100));
        }
        long labels = perModel.stream().map(Vote::label).distinct().count();
        if (labels > 1) {
            reasons.add("the models disagree (" + String.join(", ", perModel.stream().map(Vote::label).toList()) + ")");
        }
        return reasons;
    }
}
