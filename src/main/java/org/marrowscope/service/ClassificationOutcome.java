package org.marrowscope.service;

import java.nio.file.Path;
import java.util.List;
import org.marrowscope.pipeline.result.ClassificationResult;

/**
 * A finished run.
 *
 * @param savedTo the result file
 * @param reused true when a saved result was reloaded instead of recomputed
 * @param warnings what the user should know although the run succeeded (e.g. a saved result that failed
 *     verification and was set aside)
 */
public record ClassificationOutcome(ClassificationResult result, Path savedTo, boolean reused, List<String> warnings) {

    public ClassificationOutcome {
        warnings = List.copyOf(warnings);
    }

    public ClassificationOutcome(ClassificationResult result, Path savedTo, boolean reused) {
        this(result, savedTo, reused, List.of());
    }
}
