package org.marrowscope.pipeline.result;

import java.util.List;

/**
 * The saved outcome of classifying one slide (the versioned JSON written beside the slide).
 *
 * @param formatVersion {@link #FORMAT_VERSION}; other versions are refused with a message, never misread
 * @param createdAt ISO-8601 instant of the run
 * @param quality the stage-1 model
 * @param classifiers the stage-2 models, in the order used by {@link RoiResult#probabilities()}
 * @param device where inference ran
 * @param rois the selected ROIs (empty when not classifiable)
 * @param perModel each classifier's vote
 * @param ensemble the pooled vote (null when not classifiable)
 * @param uncertaintyReasons why the result is uncertain; empty when it is not
 */
public record ClassificationResult(
        int formatVersion,
        String software,
        String createdAt,
        SlideIdentity slide,
        RunParameters parameters,
        ModelInfo quality,
        List<ModelInfo> classifiers,
        String device,
        Timings timings,
        SelectionSummary selection,
        List<RoiResult> rois,
        List<ModelVote> perModel,
        Vote ensemble,
        List<String> uncertaintyReasons) {

    public static final int FORMAT_VERSION = 1;

    public ClassificationResult {
        classifiers = List.copyOf(classifiers);
        rois = List.copyOf(rois);
        perModel = List.copyOf(perModel);
        uncertaintyReasons = List.copyOf(uncertaintyReasons);
    }

    /** The same result with the time spent loading models counted in. */
    public ClassificationResult withModelLoadingSeconds(double seconds) {
        Timings t = new Timings(seconds, timings.tissueMaskSeconds(), timings.qualitySeconds(),
                timings.classificationSeconds(), timings.totalSeconds() + seconds, timings.qualityTilesPerSecond(),
                timings.classificationTilesPerSecond());
        return new ClassificationResult(formatVersion, software, createdAt, slide, parameters, quality, classifiers, device,
                t, selection, rois, perModel, ensemble, uncertaintyReasons);
    }

    public boolean classifiable() {
        return ensemble != null;
    }

    /** The suggested diagnosis (the ensemble's label), or null when the slide was not classifiable. */
    public String diagnosis() {
        return ensemble == null ? null : ensemble.label();
    }

    public boolean uncertain() {
        return !uncertaintyReasons.isEmpty();
    }

    /** True when any model used is a demonstration model. */
    public boolean usesDemoModels() {
        return (quality != null && quality.demo()) || classifiers.stream().anyMatch(ModelInfo::demo);
    }

    public List<String> classes() {
        return classifiers.isEmpty() ? List.of() : classifiers.getFirst().classes();
    }
}
