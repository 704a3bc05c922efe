package org.marrowscope.pipeline.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marrowscope.calibration.ConformalCalibration.PredictionSet;
import org.marrowscope.pipeline.result.DomainSummary.ModelDomain;

/**
 * The sentences every output (command line, desktop app, PDF report) uses to state a result, so that the
 * three never word the same fact differently and no output says more than the numbers support.
 */
public final class OutcomeText {

    private OutcomeText() {
    }

    /** "Whole-slide image" or "Single microscope field". */
    public static String inputKind(ClassificationResult r) {
        return r.singleField() ? "Single microscope field" : "Whole-slide image";
    }

    /** What the models can and cannot say, whatever the outcome. */
    public static String scope(ClassificationResult r) {
        List<String> classes = r.classes();
        return "The models know " + classes.size() + " classes (" + String.join(", ", classes) + ") of Wright-Giemsa"
                + " bone marrow aspirate smears: there is no \"normal\" or \"other\" class, and peripheral blood, tissue"
                + " sections and other stains are outside their scope.";
    }

    /** The resolution used and where it came from. */
    public static String resolution(RunParameters p) {
        String from = "user".equals(p.micronsPerPixelSource()) ? "entered by the user"
                : "from the file (" + p.micronsPerPixelSource() + ")";
        return "Resolution " + micronsPerPixel(p.slideMicronsPerPixel()) + " um/px, " + from + "; the models read "
                + micronsPerPixel(p.modelMicronsPerPixel()) + " um/px.";
    }

    /** Microns per pixel to four significant digits, without trailing zeros: 0.25, 0.499, 0.0213. */
    public static String micronsPerPixel(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    /** "95% set: {AML}" for each coverage, or the note saying why there is none. */
    public static String predictionSets(ClassificationResult r) {
        if (r.predictionSets().isEmpty()) {
            return r.predictionSetNote() == null ? "" : capitalise(r.predictionSetNote()) + ".";
        }
        List<String> parts = new ArrayList<>();
        for (PredictionSet s : r.predictionSets()) {
            parts.add(String.format(Locale.ROOT, "%.0f%% set: {%s}", s.coverage() * 100, String.join(", ", s.classes())));
        }
        return String.join("; ", parts) + " (conformal prediction sets from " + r.predictionSets().getFirst()
                .calibrationSlides() + " calibration slides).";
    }

    /** The domain check in one sentence. */
    public static String domain(ClassificationResult r) {
        DomainSummary d = r.domain();
        if (d == null || d.models().isEmpty()) {
            String code = r.outcome().code();
            return Outcome.SMALLER_THAN_ONE_TILE.equals(code) || Outcome.NO_TISSUE.equals(code)
                    ? "Domain not checked: there was no tissue tile to check."
                    : "Domain not checked: the models carry no domain check.";
        }
        List<String> parts = new ArrayList<>();
        for (ModelDomain m : d.models()) {
            parts.add(String.format(Locale.ROOT, "%s %d/%d unlike (limit %.0f%%)", m.model(), m.unlike(), m.tiles(),
                    m.limit() * 100));
        }
        String verdict = d.outside() ? "Outside the models' domain" : d.checked() ? "Domain check passed"
                : "Domain check incomplete (not every model carries one)";
        return verdict + ": " + String.join(", ", parts) + ".";
    }

    /**
     * The confidence statement of a classified result: the reasons for doubt, or, only when there are none, what
     * was checked and held.
     */
    public static String confidence(ClassificationResult r) {
        if (!r.classifiable()) {
            return "";
        }
        if (r.uncertain()) {
            return "UNCERTAIN: " + String.join("; ", r.uncertaintyReasons()) + ".";
        }
        PredictionSet s95 = r.predictionSet(0.95);
        return String.format(Locale.ROOT, "Not flagged as uncertain: the vote margin is at least %.0f%%%s, every model's"
                + " domain check passed%s.", r.parameters().uncertaintyMargin() * 100,
                r.perModel().size() > 1 ? ", the models agree" : "",
                s95 == null ? "" : " and the 95% prediction set holds only " + String.join(", ", s95.classes()));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
