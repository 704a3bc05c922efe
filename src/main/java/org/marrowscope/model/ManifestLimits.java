package org.marrowscope.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.marrowscope.model.ModelBundleException.Kind;
import org.marrowscope.model.ModelManifest.FileEntry;
import org.marrowscope.model.ModelManifest.Role;

/**
 * Range checks beyond the manifest's schema: values a well-formed manifest may hold but no working model has.
 * An input of 1 pixel "classifies" anything; one of 60,000 pixels asks for 43 GB per batch; a class name with a
 * control character breaks the report; a file reached through a folder symlink is outside the bundle whatever
 * its path says.
 */
final class ManifestLimits {

    /** Model input edges in pixels: the smallest network that still sees cells, and far above any published one. */
    static final int MIN_INPUT = 16;
    static final int MAX_INPUT = 2048;
    /** Training resolutions from a 100x oil field (about 0.07) to a 1.25x overview (about 8 um/px). */
    static final double MIN_MPP = 0.01;
    static final double MAX_MPP = 50;
    static final int MAX_CLASSES = 64;
    static final int MAX_CLASS_NAME = 64;

    private ManifestLimits() {
    }

    static void check(Path dir, ModelManifest m) throws ModelBundleException {
        int size = m.input().size();
        if (size < MIN_INPUT || size > MAX_INPUT) {
            throw invalid(dir, "input.size " + size + " is outside " + MIN_INPUT + ".." + MAX_INPUT + " pixels");
        }
        double mpp = m.input().micronsPerPixel();
        if (mpp < MIN_MPP || mpp > MAX_MPP) {
            throw invalid(dir, String.format(Locale.ROOT, "input.micronsPerPixel %s is outside %s..%s", mpp, MIN_MPP, MAX_MPP));
        }
        if (m.role() == Role.CLASSIFIER && (m.classes().size() < 2 || m.classes().size() > MAX_CLASSES)) {
            throw invalid(dir, "a classifier needs 2.." + MAX_CLASSES + " classes, found " + m.classes().size());
        }
        for (String c : m.classes()) {
            if (!c.equals(c.strip()) || c.length() > MAX_CLASS_NAME || c.codePoints().anyMatch(Character::isISOControl)) {
                throw invalid(dir, "class name \"" + c.replaceAll("\\p{Cntrl}", "?") + "\" must be at most " + MAX_CLASS_NAME
                        + " printable characters without leading or trailing blanks");
            }
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new ModelBundleException(Kind.MISSING_MANIFEST, dir, null, "cannot resolve the folder: " + e, e);
        }
        for (FileEntry f : m.files()) {
            try {
                Path file = dir.resolve(f.path()).toRealPath();
                if (!file.startsWith(real)) {
                    throw new ModelBundleException(Kind.INVALID_FIELD, dir, f.path(), "resolves to " + file
                            + " through a symbolic link, outside the bundle");
                }
            } catch (IOException e) {
                throw new ModelBundleException(Kind.MISSING_FILE, dir, f.path(), "cannot resolve: " + e, e);
            }
        }
    }

    private static ModelBundleException invalid(Path dir, String problem) {
        return new ModelBundleException(Kind.INVALID_FIELD, dir, ManifestReader.MANIFEST, problem);
    }
}
