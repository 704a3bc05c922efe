package org.marrowscope.pipeline.result;

import java.util.List;

/**
 * What a result records about a model: enough to tell whether a saved result came from the same models.
 *
 * @param sha256 hash over the bundle's files (the manifest's per-file hashes, in order)
 * @param demo demonstration model, not for clinical use
 */
public record ModelInfo(String name, String version, String role, String sha256, boolean demo, List<String> classes,
        double micronsPerPixel, int inputSize) {

    public ModelInfo {
        classes = List.copyOf(classes);
    }
}
