package org.marrowscope.pipeline.result;

import java.util.List;
import org.marrowscope.calibration.ConformalCalibration.PredictionSet;

/**
 * The saved outcome of classifying one slide (the versioned JSON written beside the slide).
 *
 * @param formatVersion {@link #FORMAT_VERSION}; other versions are refused with a message, never misread
 * @param createdAt ISO-8601 instant of the run
 * @param outcome classified, not classifiable or outside the models' domain, with the reason
 * @param quality the stage-1 model
 * @param classifiers the stage-2 models, in the order used by {@link RoiResult#probabilities()}
 * @param device where inference ran
 * @param rois the selected ROIs (empty when stage 1 found too few good tiles)
 * @param perModel each classifier's vote (also kept, for the record, when the slide is outside the domain)
 * @param ensemble the pooled vote (null when stage 1 found too few good tiles); a suggestion only when the
 *     outcome is {@link Outcome.Status#CLASSIFIED}
 * @param domain the domain check of the models
 * @param predictionSets the 90% and 95% conformal prediction sets of a classified slide; empty when none could be
 *     made (see {@code predictionSetNote})
 * @param predictionSetNote why there are no prediction sets, or null
 * @param uncertaintyReasons why the result is uncertain; empty when it is not
 * @param leftOutModels bundles that failed verification and were left out ({@code --skip-failed-bundles}); empty in
 *     a run with every bundle (and in results written before this field existed)
 */
public record ClassificationResult(
        int formatVersion,
        String software,
        String createdAt,
        SlideIdentity slide,
        RunParameters parameters,
        Outcome outcome,
        ModelInfo quality,
        List<ModelInfo> classifiers,
        String device,
        Timings timings,
        SelectionSummary selection,
        List<RoiResult> rois,
        List<ModelVote> perModel,
        Vote ensemble,
        DomainSummary domain,
        List<PredictionSet> predictionSets,
        String predictionSetNote,
        List<String> uncertaintyReasons,
        List<LeftOutModel> leftOutModels) {

    /** Version 2 added the outcome, the domain check and the prediction sets. */
    public static final int FORMAT_VERSION = 2;

    public ClassificationResult {
        classifiers = List.copyOf(classifiers);
        rois = List.copyOf(rois);
        perModel = List.copyOf(perModel);
        predictionSets = predictionSets == null ? List.of() : List.copyOf(predictionSets);
        uncertaintyReasons = List.copyOf(uncertaintyReasons);
        leftOutModels = leftOutModels == null ? List.of() : List.copyOf(leftOutModels);
    }

    /** The same result with the time spent loading models counted in. */
    public ClassificationResult withModelLoadingSeconds(double seconds) {
        Timings t = new Timings(seconds, timings.tissueMaskSeconds(), timings.qualitySeconds(),
                timings.classificationSeconds(), timings.totalSeconds() + seconds, timings.qualityTilesPerSecond(),
                timings.classificationTilesPerSecond());
        return new ClassificationResult(formatVersion, software, createdAt, slide, parameters, outcome, quality,
                classifiers, device, t, selection, rois, perModel, ensemble, domain, predictionSets, predictionSetNote,
                uncertaintyReasons, leftOutModels);
    }

    /**
     * The same result from a run that left these bundles out: they are recorded, and a classified result is flagged
     * uncertain with the reason ({@link LeftOutModel#reason}), since the ensemble that voted is not the whole one.
     */
    public ClassificationResult withLeftOutModels(List<LeftOutModel> leftOut) {
        List<String> reasons = new java.util.ArrayList<>(uncertaintyReasons);
        if (!leftOut.isEmpty() && outcome.status() == Outcome.Status.CLASSIFIED) {
            reasons.add(LeftOutModel.reason(classifiers.size(), leftOut));
        }
        return new ClassificationResult(formatVersion, software, createdAt, slide, parameters, outcome, quality,
                classifiers, device, timings, selection, rois, perModel, ensemble, domain, predictionSets, predictionSetNote,
                reasons, leftOut);
    }

    /** True only when the outcome is a suggestion: enough good tiles, and tiles like the training data. */
    public boolean classifiable() {
        return outcome.status() == Outcome.Status.CLASSIFIED && ensemble != null;
    }

    /** The suggested diagnosis (the ensemble's label), or null when the outcome is not a suggestion. */
    public String diagnosis() {
        return classifiable() ? ensemble.label() : null;
    }

    public boolean uncertain() {
        return !uncertaintyReasons.isEmpty();
    }

    /** The prediction set at this coverage (0.90 or 0.95), or null. */
    public PredictionSet predictionSet(double coverage) {
        return predictionSets.stream().filter(s -> Math.abs(s.coverage() - coverage) < 1e-9).findFirst().orElse(null);
    }

    /** True when the input was a single microscope picture (field mode), not a whole-slide image. */
    public boolean singleField() {
        return slide != null && slide.format() != null && slide.format().startsWith("image/");
    }

    /** True when any model used is a demonstration model. */
    public boolean usesDemoModels() {
        return (quality != null && quality.demo()) || classifiers.stream().anyMatch(ModelInfo::demo);
    }

    public List<String> classes() {
        return classifiers.isEmpty() ? List.of() : classifiers.getFirst().classes();
    }
}
