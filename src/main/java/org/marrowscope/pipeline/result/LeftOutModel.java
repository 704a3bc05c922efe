package org.marrowscope.pipeline.result;

import java.util.ArrayList;
import java.util.List;

/**
 * A model bundle that failed verification and was left out of the run at the user's request
 * ({@code --skip-failed-bundles}). Results record it so that a smaller ensemble is never mistaken for the whole one.
 *
 * @param name the bundle's folder name (its manifest may be the part that failed, so its name there is not trusted)
 * @param role "classifier" or "quality" as the manifest says, or null when the manifest cannot be read
 * @param problem what failed: the file and the problem, e.g. "features.pt: SHA-256 mismatch"
 */
public record LeftOutModel(String name, String role, String problem) {

    public static final String QUALITY = "quality";

    /**
     * The uncertainty reason of a classified result whose ensemble lacks these bundles, e.g. "ensemble of 2 of 3
     * classifiers: demo-mobilenet left out (features.pt: SHA-256 mismatch)".
     *
     * @param classifiersUsed how many classifiers voted
     */
    public static String reason(int classifiersUsed, List<LeftOutModel> leftOut) {
        List<String> parts = new ArrayList<>();
        long classifiers = leftOut.stream().filter(m -> !QUALITY.equals(m.role())).count();
        for (LeftOutModel m : leftOut) {
            parts.add((QUALITY.equals(m.role()) ? "quality model " : "") + m.name() + " left out (" + m.problem() + ")");
        }
        String list = String.join(", ", parts);
        return classifiers == 0 ? list
                : "ensemble of " + classifiersUsed + " of " + (classifiersUsed + classifiers) + " classifiers: " + list;
    }
}
