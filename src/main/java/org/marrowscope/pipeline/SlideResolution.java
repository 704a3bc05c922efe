package org.marrowscope.pipeline;

import java.util.Locale;
import org.marrowscope.slide.MicronsPerPixel;
import org.marrowscope.slide.Slide;

/**
 * The resolution a slide is tiled at: the user's {@code --mpp}, else the file's own calibration, within the
 * range a light microscope produces and the models can be resampled from.
 *
 * <p>Any objective works as long as the tile's physical size is kept: a 100x oil field at 0.02-0.05 um/px is
 * shrunk, a 20x scan at 0.5 um/px enlarged. Finer than {@value #MAX_SHRINK} times the models' resolution would
 * mean averaging over thousands of pixels per model pixel for no benefit; coarser than {@value #MAX_ENLARGE}
 * times means cells only a few pixels across, and detail the models need cannot be invented. Outside
 * {@value #MIN_MPP}-{@value #MAX_MPP} um/px no microscope image exists, so such a calibration is called wrong,
 * never "corrected" by a suggestion the file does not support.
 */
final class SlideResolution {

    static final double MIN_MPP = 0.01;
    static final double MAX_MPP = 10;
    static final double MAX_SHRINK = 32;
    static final double MAX_ENLARGE = 4;

    private SlideResolution() {
    }

    /** The slide's resolution, or a {@link SlideUnsuitableException} that says exactly what is wrong. */
    static MicronsPerPixel of(Slide slide, Double override, double modelMpp) {
        String name = slide.path().getFileName().toString();
        MicronsPerPixel mpp;
        if (override != null) {
            mpp = new MicronsPerPixel(override, override, "user");
        } else {
            mpp = slide.micronsPerPixel().orElseThrow(() -> new SlideUnsuitableException("The slide " + name
                    + " does not state its resolution (microns per pixel), so its tiles cannot be given the physical"
                    + " size of the models' training tiles. Measure it (e.g. with a stage micrometer, or from the"
                    + " scanner's or camera's documentation for the objective used) and give it: --mpp on the command line;"
                    + " the app asks for it."));
        }
        double v = mpp.mean();
        if (!(v >= MIN_MPP && v <= MAX_MPP)) {
            throw new SlideUnsuitableException(String.format(Locale.ROOT, "The slide %s is calibrated at %.4g um/px (from %s):"
                    + " no light microscope image has pixels that %s, so the calibration is wrong. Give the right one"
                    + " (--mpp on the command line; the app asks for it).", name, v, describe(mpp), v < MIN_MPP ? "small" : "large"));
        }
        double ratio = v / modelMpp;
        if (ratio < 1 / MAX_SHRINK) {
            throw new SlideUnsuitableException(String.format(Locale.ROOT, "The slide %s is at %.4g um/px (from %s); the models"
                    + " read %.4g um/px, and a picture finer than %.4g um/px (%.0f times finer) is not resampled."
                    + " Check the calibration.", name, v, describe(mpp), modelMpp, modelMpp / MAX_SHRINK, MAX_SHRINK));
        }
        if (ratio > MAX_ENLARGE) {
            throw new SlideUnsuitableException(String.format(Locale.ROOT, "The slide %s is at %.4g um/px (from %s): too coarse"
                    + " for the models, which read %.4g um/px and need at least %.4g um/px (a cell of 10 um would be"
                    + " %.1f pixels across). Scan at a higher magnification, or check the calibration.", name, v,
                    describe(mpp), modelMpp, modelMpp * MAX_ENLARGE, 10 / v));
        }
        return mpp;
    }

    /** Where a calibration came from, in words: the user (--mpp, or typed in the app), or the file's property. */
    static String describe(MicronsPerPixel mpp) {
        return "user".equals(mpp.source()) ? "the value given by the user" : "the file's " + mpp.source();
    }
}
