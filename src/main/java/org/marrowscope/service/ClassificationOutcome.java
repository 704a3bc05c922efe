package org.marrowscope.service;

import java.nio.file.Path;
import org.marrowscope.pipeline.result.ClassificationResult;

/**
 * A finished run.
 *
 * @param savedTo the result file
 * @param reused true when a saved result was reloaded instead of recomputed
 */
public record ClassificationOutcome(ClassificationResult result, Path savedTo, boolean reused) {
}
