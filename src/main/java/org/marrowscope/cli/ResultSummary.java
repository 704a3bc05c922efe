package org.marrowscope.cli;

import java.util.List;
import java.util.Locale;
import org.marrowscope.pipeline.result.Vote;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.LeftOutModel;
import org.marrowscope.pipeline.result.ModelVote;
import org.marrowscope.pipeline.result.Outcome;
import org.marrowscope.pipeline.result.OutcomeText;
import org.marrowscope.pipeline.result.RunParameters;

/** The one-line summary `classify` prints per slide. */
final class ResultSummary {

    static final String DEMO_WARNING = "DEMONSTRATION MODELS: not for clinical use";

    private ResultSummary() {
    }

    static String line(String slideName, ClassificationResult r, boolean reused) {
        StringBuilder s = new StringBuilder(slideName).append(": ");
        Outcome o = r.outcome();
        if (!r.classifiable()) {
            String reason = o.reason().endsWith(".") ? o.reason().substring(0, o.reason().length() - 1) : o.reason();
            s.append(o.headline().toUpperCase(Locale.ROOT)).append(" (").append(o.code()).append("): ").append(reason);
            if (!r.leftOutModels().isEmpty()) {
                // A classified result says this among its uncertainty reasons; a refusal says it here.
                s.append("; ").append(LeftOutModel.reason(r.classifiers().size(), r.leftOutModels()));
            }
        } else {
            Vote e = r.ensemble();
            s.append(e.label()).append(String.format(Locale.ROOT, " (%s %.0f%% of %d votes, margin %.0f%%)",
                    r.perModel().size() > 1 ? "ensemble" : "vote", e.fractions()[e.winner()] * 100, e.totalVotes(),
                    e.margin() * 100));
            String sets = OutcomeText.predictionSets(r);
            if (!r.predictionSets().isEmpty()) {
                s.append("; ").append(sets.substring(0, sets.indexOf(" (conformal")));
            }
            if (r.perModel().size() > 1) {
                List<String> models = r.perModel().stream().map(ResultSummary::model).toList();
                s.append("; ").append(String.join(", ", models));
            }
            if (r.uncertain()) {
                s.append("; UNCERTAIN: ").append(String.join("; ", r.uncertaintyReasons()));
            }
            if (r.selection().mode() != org.marrowscope.pipeline.result.SelectionMode.HIGH_QUALITY) {
                s.append("; ROIs: ").append(r.selection().mode().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        RunParameters p = r.parameters();
        s.append("; ").append(OutcomeText.micronsPerPixel(p.slideMicronsPerPixel())).append(" um/px (")
                .append("user".equals(p.micronsPerPixelSource()) ? "--mpp" : p.micronsPerPixelSource()).append(')');
        s.append(String.format(Locale.ROOT, "; %s; %.1f s on %s", reused ? "saved result reused" : "computed",
                r.timings().totalSeconds(), r.device()));
        if (r.usesDemoModels()) {
            s.append(" [").append(DEMO_WARNING).append(']');
        }
        return s.toString();
    }

    private static String model(ModelVote v) {
        return String.format(Locale.ROOT, "%s %s %.0f%%", v.model().name(), v.vote().label(),
                v.vote().fractions()[v.vote().winner()] * 100);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
