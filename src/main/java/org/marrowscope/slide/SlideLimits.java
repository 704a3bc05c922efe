package org.marrowscope.slide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.marrowscope.slide.SlideException.Kind;

/**
 * Plausibility limits for what a file claims. A 0.5 MB TIFF can claim 10^6 x 10^6 pixels, which would be tiled
 * and scheduled for thousands of hours; the largest whole-slide scans are about 200,000 pixels a side.
 */
final class SlideLimits {

    /** More than twice the longest side any scanner writes. */
    static final long MAX_SIDE = 500_000;
    /** About 15 x 15 cm at 0.25 um/px: more than any glass slide's scan area. */
    static final long MAX_PIXELS = 40_000_000_000L;

    private SlideLimits() {
    }

    static void check(Slide slide) throws SlideException {
        long w = slide.width();
        long h = slide.height();
        if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
            throw new SlideException(Kind.BROKEN_FILE, slide.path(), String.format(Locale.ROOT, "The file %s claims %,d x %,d"
                    + " pixels, beyond any microscope scan (at most %,d pixels a side and %,d pixels in all): the file is"
                    + " damaged or not a scan", slide.path(), w, h, MAX_SIDE, MAX_PIXELS));
        }
        for (SlideLevel level : slide.levels()) {
            if (level.width() <= 0 || level.height() <= 0 || level.width() > w || level.height() > h) {
                throw new SlideException(Kind.BROKEN_FILE, slide.path(), "The file " + slide.path() + " has a level "
                        + level.index() + " of " + level.width() + " x " + level.height() + " pixels, which does not fit"
                        + " its level 0 of " + w + " x " + h + ": the file is damaged");
            }
        }
    }

    /** The picture or TIFF type a file's first bytes announce, or null. */
    static String magic(Path file) {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(8);
        } catch (IOException e) {
            return null;
        }
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && (b[2] == 42 || b[2] == 43) && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43)))) {
            return "TIFF";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "PNG";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "JPEG";
        }
        return null;
    }
}
