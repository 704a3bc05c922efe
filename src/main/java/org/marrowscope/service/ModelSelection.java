package org.marrowscope.service;

import java.nio.file.Path;
import java.util.List;
import org.marrowscope.pipeline.result.LeftOutModel;

/**
 * The models a run uses: one stage-1 quality bundle and one or more stage-2 classifier bundles (several make
 * an ensemble). Paths are bundle folders.
 *
 * @param leftOut bundles that failed verification and were left out at the user's request (--skip-failed-bundles);
 *     every result of the run records them
 */
public record ModelSelection(Path quality, List<Path> classifiers, List<LeftOutModel> leftOut) {

    public ModelSelection {
        if (quality == null) {
            throw new IllegalArgumentException("no quality (stage 1) model selected");
        }
        if (classifiers == null || classifiers.isEmpty()) {
            throw new IllegalArgumentException("no classifier (stage 2) model selected");
        }
        classifiers = List.copyOf(classifiers);
        leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
    }

    /** A selection with every bundle it found. */
    public ModelSelection(Path quality, List<Path> classifiers) {
        this(quality, classifiers, List.of());
    }
}
