package org.marrowscope.eval;

import java.util.List;
import java.util.Map;
import org.marrowscope.pipeline.result.ModelInfo;

/**
 * Everything `marrowscope evaluate` found, as saved to {@code evaluation.json}.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param classes class names, the order of every matrix and score
 * @param cohort the labels file, slide counts and the slides left out as not classifiable
 * @param quality the stage-1 model
 * @param classifiers the stage-2 models (the ensemble)
 * @param bootstrap how the intervals were computed (patients resampled)
 * @param levels tile and patient level per model, then the ensemble
 * @param wilcoxon patient vs tile accuracy across models
 * @param ablation the classifiers on random non-background tiles (empty when not run)
 * @param truth stage 1 against the generator's ground truth (synthetic cohorts only, else empty)
 */
public record EvaluationReport(int formatVersion, String software, String createdAt, List<String> classes,
        Map<String, Object> cohort, ModelInfo quality, List<ModelInfo> classifiers, Bootstrap bootstrap,
        List<LevelResult> levels, PairedTest wilcoxon, List<LevelResult> ablation, List<TruthCheck> truth) {

    public static final int FORMAT_VERSION = 1;

    public EvaluationReport {
        classes = List.copyOf(classes);
        classifiers = List.copyOf(classifiers);
        levels = List.copyOf(levels);
        ablation = List.copyOf(ablation);
        truth = List.copyOf(truth);
    }

    /** The row of a model at a level on ROIs, or null. */
    public LevelResult level(String level, String model) {
        return levels.stream().filter(l -> l.level().equals(level) && l.model().equals(model)).findFirst().orElse(null);
    }
}
