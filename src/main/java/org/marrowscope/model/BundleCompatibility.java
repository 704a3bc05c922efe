package org.marrowscope.model;

import java.util.List;
import java.util.Locale;
import org.marrowscope.model.ModelBundleException.Kind;
import org.marrowscope.model.ModelManifest.Role;

/**
 * Bundles valid alone may still not work together. Stage 1 cuts tiles at the quality model's resolution and
 * stage 2 reads those same tiles, so a classifier trained at another resolution would see cells at the wrong
 * size and still answer; an ensemble needs one class list. Checked before any slide is read.
 */
public final class BundleCompatibility {

    /** Relative difference of resolutions still counted as the same (rounding in manifests). */
    static final double MPP_TOLERANCE = 0.01;

    private BundleCompatibility() {
    }

    public static void check(BundleDigest.Verified quality, List<BundleDigest.Verified> classifiers)
            throws ModelBundleException {
        if (quality.manifest().role() != Role.QUALITY) {
            throw new ModelBundleException(Kind.INCOMPATIBLE, quality.directory(), null,
                    "is a " + role(quality) + " model, not a quality (stage 1) model");
        }
        double mpp = quality.manifest().input().micronsPerPixel();
        List<String> classes = null;
        for (BundleDigest.Verified c : classifiers) {
            if (c.manifest().role() != Role.CLASSIFIER) {
                throw new ModelBundleException(Kind.INCOMPATIBLE, c.directory(), null,
                        "is a " + role(c) + " model, not a classifier (stage 2)");
            }
            double own = c.manifest().input().micronsPerPixel();
            if (Math.abs(own - mpp) > MPP_TOLERANCE * mpp) {
                throw new ModelBundleException(Kind.INCOMPATIBLE, c.directory(), ManifestReader.MANIFEST, String.format(
                        Locale.ROOT, "was trained on tiles at %s um/px but the quality model %s cuts tiles at %s um/px;"
                        + " a classifier must be trained at its quality model's resolution", own,
                        quality.manifest().name(), mpp));
            }
            if (classes == null) {
                classes = c.manifest().classes();
            } else if (!classes.equals(c.manifest().classes())) {
                throw new ModelBundleException(Kind.INCOMPATIBLE, c.directory(), ManifestReader.MANIFEST, "has the classes "
                        + c.manifest().classes() + " but the first classifier has " + classes
                        + "; an ensemble needs one class list in one order");
            }
        }
    }

    private static String role(BundleDigest.Verified v) {
        return v.manifest().role().name().toLowerCase(Locale.ROOT);
    }
}
