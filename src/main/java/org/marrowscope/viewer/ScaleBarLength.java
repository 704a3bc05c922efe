package org.marrowscope.viewer;

import java.util.Locale;

/**
 * A scale bar's length: the longest round physical length (1, 2 or 5 times a power of ten micrometres) that
 * fits in a maximum on-screen width.
 *
 * @param microns the physical length
 * @param pixels its length on screen
 * @param label "50 µm", "2 mm"
 */
public record ScaleBarLength(double microns, double pixels, String label) {

    private static final double[] STEPS = {1, 2, 5};

    /**
     * @param micronsPerScreenPixel physical size of one screen pixel at the current zoom
     * @param maxPixels the widest the bar may be
     */
    public static ScaleBarLength choose(double micronsPerScreenPixel, double maxPixels) {
        if (!(micronsPerScreenPixel > 0) || !(maxPixels > 0)) {
            throw new IllegalArgumentException("scale bar needs positive sizes, got " + micronsPerScreenPixel + " um/px, "
                    + maxPixels + " px");
        }
        double maxMicrons = micronsPerScreenPixel * maxPixels;
        double power = Math.pow(10, Math.floor(Math.log10(maxMicrons)));
        double best = power * STEPS[0];
        for (double step : STEPS) {
            if (power * step <= maxMicrons * (1 + 1e-9)) {
                best = power * step;
            }
        }
        return new ScaleBarLength(best, best / micronsPerScreenPixel, label(best));
    }

    static String label(double microns) {
        if (microns >= 1000) {
            return format(microns / 1000) + " mm";
        }
        if (microns < 1) {
            return format(microns * 1000) + " nm";
        }
        return format(microns) + " µm";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
