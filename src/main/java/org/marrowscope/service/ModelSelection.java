package org.marrowscope.service;

import java.nio.file.Path;
import java.util.List;

/**
 * The models a run uses: one stage-1 quality bundle and one or more stage-2 classifier bundles (several make
 * an ensemble). Paths are bundle folders.
 */
public record ModelSelection(Path quality, List<Path> classifiers) {

    public ModelSelection {
        if (quality == null) {
            throw new IllegalArgumentException("no quality (stage 1) model selected");
        }
        if (classifiers == null || classifiers.isEmpty()) {
            throw new IllegalArgumentException("no classifier (stage 2) model selected");
        }
        classifiers = List.copyOf(classifiers);
    }
}
