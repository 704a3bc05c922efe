package org.marrowscope.pipeline;

import org.marrowscope.pipeline.result.Voting;
import org.marrowscope.pipeline.result.Uncertainty;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.result.SelectionMode;
import org.marrowscope.pipeline.result.Vote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.marrowscope.calibration.ConformalCalibration;
import org.marrowscope.calibration.ConformalCalibration.PredictionSet;
import org.marrowscope.calibration.DomainCheck;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.pipeline.result.DomainSummary;
import org.marrowscope.pipeline.result.DomainSummary.ModelDomain;
import org.marrowscope.pipeline.result.ModelVote;
import org.marrowscope.pipeline.result.Outcome;
import org.marrowscope.pipeline.result.Outcome.Status;

/**
 * Decides a run's outcome and says why: not classifiable (too small, no tissue, too few good tiles), outside
 * the models' domain (the domain check failed), or classified, with the votes, the prediction sets and every
 * reason for doubt.
 */
final class OutcomeJudge {

    /** A field with fewer tiles than this is flagged: its vote rests on little tissue. */
    static final int FEW_FIELD_TILES = 10;

    private OutcomeJudge() {
    }

    /** What the judge needs from a run. */
    record Evidence(Selection selection, boolean field, int gridTiles, double slideWidthMicrons, double slideHeightMicrons,
            double tileMicrons, double modelMpp, List<TileClassifier> classifiers, List<TileClassifier.Scores> scores,
            ModelInfo quality, DomainCheck qualityDomain, double highThreshold, double lowThreshold, int roiCount) {
    }

    /** The judged outcome. */
    record Verdict(Outcome outcome, DomainSummary domain, List<ModelVote> votes, Vote ensemble,
            List<PredictionSet> predictionSets, String predictionSetNote, List<String> reasons) {
    }

    static Verdict judge(Evidence e, Uncertainty uncertainty) {
        List<String> classes = e.classifiers().getFirst().info().classes();
        DomainSummary domain = domain(e);
        Selection sel = e.selection();
        if (!sel.classifiable()) {
            return new Verdict(notClassified(e, domain), domain, List.of(), null, List.of(), null, List.of());
        }
        List<ModelVote> votes = new ArrayList<>();
        List<float[][]> perModel = e.scores().stream().map(TileClassifier.Scores::probabilities).toList();
        for (int m = 0; m < e.classifiers().size(); m++) {
            votes.add(new ModelVote(e.classifiers().get(m).info(), Voting.vote(classes, perModel.get(m))));
        }
        Vote ensemble = Voting.ensemble(classes, perModel);
        if (domain.outside()) {
            Outcome o = new Outcome(Status.OUTSIDE_DOMAIN, Outcome.UNLIKE_TRAINING_DATA, "The tiles do not look like"
                    + " the data the models were trained on: " + DomainGuard.reason(domain) + ". No suggestion is"
                    + " given; the votes are kept for the record only.");
            return new Verdict(o, domain, votes, ensemble, List.of(), null, List.of());
        }
        List<ConformalCalibration> conformal = e.classifiers().stream()
                .map(c -> c.calibration().map(ModelCalibration::conformal).orElse(null)).toList();
        Optional<List<PredictionSet>> sets = ConformalCalibration.sets(conformal, ensemble.meanProbability(), classes);
        java.util.OptionalDouble leastSure = ConformalCalibration.leastSure(conformal);
        double best = ensemble.meanProbability()[ensemble.winner()];
        if (leastSure.isPresent() && best < leastSure.getAsDouble()) {
            Outcome o = new Outcome(Status.OUTSIDE_DOMAIN, Outcome.ATYPICAL_CONFIDENCE, String.format(Locale.ROOT,
                    "The models are less sure of every class than on any of the %d calibration slides: the most"
                    + " probable class, %s, has a mean calibrated probability of %.2f, the least sure calibration slide"
                    + " %.2f. The slide is unlike the slides the models were calibrated on. No suggestion is given; the"
                    + " votes are kept for the record only.", sets.map(s -> s.getFirst().calibrationSlides()).orElse(0),
                    ensemble.label(), best, leastSure.getAsDouble()));
            return new Verdict(o, domain, votes, ensemble, List.of(), null, List.of());
        }
        String setNote = sets.isPresent() ? null : conformal.stream().anyMatch(c -> c == null)
                ? "no prediction set: not every model carries conformal calibration scores"
                : "no prediction set: the models were not calibrated on the same slides";
        List<String> reasons = new ArrayList<>(uncertainty.reasons(ensemble, votes.stream().map(ModelVote::vote).toList()));
        if (!domain.checked()) {
            reasons.add("domain not checked: not every model carries a domain check, so MarrowScope cannot tell"
                    + " whether this slide is like the models' training data");
        }
        sets.ifPresent(s -> setReason(s).ifPresent(reasons::add));
        if (setNote != null) {
            reasons.add(setNote);
        }
        if (sel.mode() == SelectionMode.FIELD_GOOD_TILES && sel.rois().size() < FEW_FIELD_TILES) {
            reasons.add("a single field: the vote rests on " + sel.rois().size() + " tile"
                    + (sel.rois().size() == 1 ? "" : "s") + " (a slide gives " + e.roiCount() + ")");
        }
        String how = switch (sel.mode()) {
            case HIGH_QUALITY -> sel.rois().size() + " ROIs with p(good) >= " + trim(e.highThreshold());
            case FALLBACK_THRESHOLD -> sel.rois().size() + " ROIs with p(good) >= " + trim(e.lowThreshold())
                    + " (too few reached " + trim(e.highThreshold()) + ")";
            case FIELD_GOOD_TILES -> "a single field's " + sel.rois().size() + " good tile"
                    + (sel.rois().size() == 1 ? "" : "s");
            case NOT_CLASSIFIABLE -> throw new IllegalStateException("classifiable selection expected");
        };
        String checked = domain.checked() ? "; every model's domain check passed" : "; the domain was not checked";
        Outcome o = new Outcome(Status.CLASSIFIED, Outcome.CLASSIFIED, "Classified from " + how + checked + ".");
        return new Verdict(o, domain, votes, ensemble, sets.orElse(List.of()), setNote, reasons);
    }

    /** Too small, no tissue, unlike the training data, or too few good tiles, in that order. */
    private static Outcome notClassified(Evidence e, DomainSummary domain) {
        Selection sel = e.selection();
        if (e.gridTiles() == 0) {
            return new Outcome(Status.NOT_CLASSIFIABLE, Outcome.SMALLER_THAN_ONE_TILE, String.format(Locale.ROOT,
                    "The picture covers %.0f x %.0f um; the models need at least %.0f x %.0f um (one tile of 512"
                    + " pixels at %s um/px).", e.slideWidthMicrons(), e.slideHeightMicrons(), e.tileMicrons(),
                    e.tileMicrons(), trim(e.modelMpp())));
        }
        if (sel.tissue().isEmpty()) {
            return new Outcome(Status.NOT_CLASSIFIABLE, Outcome.NO_TISSUE, String.format(Locale.ROOT,
                    "No tissue: all %d tiles are glass or background (plain white or black corners).", e.gridTiles()));
        }
        String needed = e.field() && sel.candidates() < e.roiCount()
                ? "a field needs half of its tissue tiles at " + trim(e.lowThreshold())
                : e.roiCount() + " are needed";
        String counts = String.format(Locale.ROOT, "%d tiles reached p(good) >= %s and %d reached %s; %s;"
                + " %d of %d candidate tiles assessed, %d background", sel.atHigh(), trim(e.highThreshold()),
                sel.atLow(), trim(e.lowThreshold()), needed, sel.assessed(), sel.candidates(), sel.background());
        if (domain.outside()) {
            return new Outcome(Status.OUTSIDE_DOMAIN, Outcome.UNLIKE_TRAINING_DATA, "Stage 1 found too few good tiles ("
                    + counts + "), and the tissue does not look like the models' training data: "
                    + DomainGuard.reason(domain) + ".");
        }
        return new Outcome(Status.NOT_CLASSIFIABLE, Outcome.TOO_FEW_GOOD_TILES, "Too few good tiles: " + counts
                + ". The smear may be too thick, too sparse, poorly stained or out of focus"
                + (domain.checked() ? "; its tiles passed the domain check." : "."));
    }

    /** The domain verdicts: the quality model on the tiles it judged, each classifier on the tiles it saw. */
    private static DomainSummary domain(Evidence e) {
        List<ModelDomain> verdicts = new ArrayList<>();
        List<TileAssessment> qualityTiles = e.selection().classifiable() ? e.selection().rois() : e.selection().tissue();
        double[] q = qualityTiles.stream().mapToDouble(TileAssessment::distance).toArray();
        boolean qualityChecked = e.qualityDomain() != null && q.length > 0
                && java.util.Arrays.stream(q).noneMatch(Double::isNaN);
        if (q.length > 0) {
            verdicts.add(qualityChecked ? DomainGuard.judge(e.quality(), e.qualityDomain(), q) : null);
        }
        for (int m = 0; m < e.classifiers().size() && m < e.scores().size(); m++) {
            TileClassifier c = e.classifiers().get(m);
            DomainCheck check = c.calibration().map(ModelCalibration::domain).orElse(null);
            verdicts.add(DomainGuard.judge(c.info(), check, e.scores().get(m).distances()));
        }
        if (e.scores().isEmpty()) {
            // Not classifiable and no classifier could look: the classifiers' checks count as not done.
            e.classifiers().forEach(c -> verdicts.add(null));
        }
        return DomainGuard.summarise(verdicts);
    }

    /** A 95% set that is not exactly one class is a reason for doubt. */
    private static Optional<String> setReason(List<PredictionSet> sets) {
        PredictionSet s95 = sets.stream().filter(s -> s.coverage() > 0.94).findFirst().orElse(sets.getLast());
        String label = String.format(Locale.ROOT, "the %.0f%% prediction set", s95.coverage() * 100);
        if (s95.classes().isEmpty()) {
            return Optional.of(label + " is empty: the models are less sure of any class than on almost every"
                    + " calibration slide");
        }
        if (s95.classes().size() > 1) {
            return Optional.of(label + " holds " + s95.classes().size() + " classes {" + String.join(", ",
                    s95.classes()) + "}");
        }
        return Optional.empty();
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
