package org.marrowscope.service;

import java.nio.file.Path;
import org.marrowscope.pipeline.PipelineSettings;

/**
 * One slide to classify.
 *
 * @param slide the slide file
 * @param models the quality model and the classifiers
 * @param settings pipeline settings (paper defaults unless changed)
 * @param resultsFolder where the result JSON goes; null to save it beside the slide
 * @param reuseSaved whether a saved result for the same slide, parameters and models may be returned as is
 * @param device "auto", "cpu", "gpu", "gpu:N", or null for the default
 */
public record ClassifyRequest(Path slide, ModelSelection models, PipelineSettings settings, Path resultsFolder,
        boolean reuseSaved, String device) {
}
