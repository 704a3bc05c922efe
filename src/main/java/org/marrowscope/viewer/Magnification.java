package org.marrowscope.viewer;

import java.util.Locale;
import java.util.Optional;

/**
 * The equivalent objective magnification on screen, as pathologists read it ("10x"): the scan's objective
 * times the zoom, or, when the file does not state the objective, derived from the pixel size with the
 * convention that a 40x scan has 0.25 µm pixels.
 */
public final class Magnification {

    /** µm per pixel times objective power for common scanners (0.25 µm at 40x, 0.5 µm at 20x). */
    static final double MICRON_TIMES_POWER = 10.0;

    private Magnification() {
    }

    /** The magnification at {@code scale} (screen pixels per level-0 pixel), when the slide says enough. */
    public static Optional<Double> at(double scale, Optional<Double> objectivePower, Optional<Double> micronsPerPixel) {
        if (objectivePower.isPresent()) {
            return Optional.of(objectivePower.get() * scale);
        }
        return micronsPerPixel.map(mpp -> MICRON_TIMES_POWER / mpp * scale);
    }

    /** "40x", "2.5x", "0.31x". */
    public static String format(double magnification) {
        if (magnification >= 10) {
            return String.format(Locale.ROOT, "%.0fx", magnification);
        }
        if (magnification >= 1) {
            return String.format(Locale.ROOT, "%.1fx", magnification);
        }
        return String.format(Locale.ROOT, "%.2fx", magnification);
    }
}
