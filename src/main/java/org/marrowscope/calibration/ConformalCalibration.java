package org.marrowscope.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One classifier's slide-level scores on held-out calibration slides, from which split conformal prediction
 * sets are built (least ambiguous set-valued classifier, Sadinle et al., JASA 2019).
 *
 * <p>A slide's class scores are the mean calibrated probability of each class over its ROIs; pooled over an
 * ensemble, the mean over the models (the ROIs are the same for every model). The nonconformity of a
 * calibration slide is 1 minus the pooled score of its true class. For a coverage 1 - alpha and n calibration
 * slides, q is the ceil((n + 1)(1 - alpha))-th smallest nonconformity; a new slide's set holds every class c
 * with 1 - score(c) <= q. If the calibration slides and a new slide are exchangeable, the set holds the true
 * class with probability at least 1 - alpha. The set can hold several classes (the slide is ambiguous) or none
 * (the slide is less typical than the calibration slides): both are stated, never hidden.
 *
 * @param score how a slide is scored, stated for the reader
 * @param cohort what the calibration slides were
 * @param slides the calibration slides, each with its class scores
 */
public record ConformalCalibration(String score, String cohort, List<CalibrationSlide> slides) {

    public static final String SCORE = "1 - mean calibrated probability of the true class over the slide's ROIs";
    /** The coverages every result reports. */
    public static final List<Double> COVERAGES = List.of(0.90, 0.95);

    public ConformalCalibration {
        slides = List.copyOf(slides);
    }

    /**
     * One calibration slide.
     *
     * @param id the slide's name (the same across the models calibrated together)
     * @param label index of its true class
     * @param meanProbability per class, the mean calibrated probability over its ROIs
     */
    public record CalibrationSlide(String id, int label, double[] meanProbability) {
    }

    /**
     * A slide's prediction set.
     *
     * @param coverage the target, e.g. 0.95
     * @param classes the classes in the set, in the models' order (may be empty)
     * @param threshold q: a class is in the set when 1 - its score is at most q (infinite: every class)
     * @param calibrationSlides n
     */
    public record PredictionSet(double coverage, List<String> classes, double threshold, int calibrationSlides) {

        public PredictionSet {
            classes = List.copyOf(classes);
        }
    }

    /**
     * The prediction sets of a slide for an ensemble, or empty when the models were not calibrated on the same
     * slides (then no valid set exists for this combination).
     *
     * @param perModel each model's calibration, in the ensemble's order
     * @param slideScores the slide's pooled class scores (mean over models of mean calibrated probability)
     */
    public static Optional<List<PredictionSet>> sets(List<ConformalCalibration> perModel, double[] slideScores,
            List<String> classes) {
        Optional<double[]> nonconformity = nonconformity(perModel);
        if (nonconformity.isEmpty()) {
            return Optional.empty();
        }
        double[] scores = nonconformity.get();
        List<PredictionSet> out = new ArrayList<>();
        for (double coverage : COVERAGES) {
            double q = quantile(scores, coverage);
            List<String> set = new ArrayList<>();
            for (int c = 0; c < classes.size(); c++) {
                if (1 - slideScores[c] <= q) {
                    set.add(classes.get(c));
                }
            }
            out.add(new PredictionSet(coverage, set, q, scores.length));
        }
        return Optional.of(out);
    }

    /**
     * The pooled score of the true class on the least sure calibration slide: a new slide whose best class scores
     * below it is less sure than every calibration slide (its conformal p-value is below 1 / (n + 1) for every
     * class), which an exchangeable in-domain slide is with probability at most 1 / (n + 1).
     */
    public static java.util.OptionalDouble leastSure(List<ConformalCalibration> perModel) {
        Optional<double[]> nonconformity = nonconformity(perModel);
        if (nonconformity.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(1 - Arrays.stream(nonconformity.get()).max().orElse(1));
    }

    /** The calibration slides' nonconformity for the pooled models; empty when they do not share their slides. */
    static Optional<double[]> nonconformity(List<ConformalCalibration> perModel) {
        if (perModel.isEmpty() || perModel.stream().anyMatch(c -> c == null || c.slides().isEmpty())) {
            return Optional.empty();
        }
        List<CalibrationSlide> first = perModel.getFirst().slides();
        for (ConformalCalibration c : perModel) {
            if (c.slides().size() != first.size()) {
                return Optional.empty();
            }
            for (int i = 0; i < first.size(); i++) {
                CalibrationSlide a = first.get(i);
                CalibrationSlide b = c.slides().get(i);
                if (!a.id().equals(b.id()) || a.label() != b.label()) {
                    return Optional.empty();
                }
            }
        }
        double[] out = new double[first.size()];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (ConformalCalibration c : perModel) {
                sum += c.slides().get(i).meanProbability()[first.get(i).label()];
            }
            out[i] = 1 - sum / perModel.size();
        }
        return Optional.of(out);
    }

    /** The ceil((n + 1) * coverage)-th smallest score; infinite when that exceeds n (too few slides). */
    static double quantile(double[] scores, double coverage) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil((sorted.length + 1) * coverage - 1e-9);
        return rank > sorted.length ? Double.POSITIVE_INFINITY : sorted[rank - 1];
    }
}
