package org.marrowscope.colour;

/**
 * The one colour scale for every saliency and Grad-CAM map, on the screen and in the PDF: viridis (van der Walt
 * and Smith, matplotlib 2015), which is perceptually uniform (equal steps in value look like equal steps in
 * colour, and lightness rises monotonically, so it reads in grey print) and stays readable with the common colour
 * vision deficiencies. Computed from a published 6th-order polynomial fit (within about 1% of the table).
 */
public final class SaliencyScale {

    private static final int STEPS = 1024;
    private static final int[] TABLE = new int[STEPS];

    // Polynomial coefficients c0..c6 per channel (Matt Zucker's fit of matplotlib's viridis table).
    private static final double[] R = {0.2777273272234177, 0.1050930431085774, -0.3308618287255563, -4.634230498983486,
        6.228269936347081, 4.776384997670288, -5.435455855934631};
    private static final double[] G = {0.005407344544966578, 1.404613529898575, 0.214847559468213, -5.799100973351585,
        14.17993336680509, -13.74514537774601, 4.645852612178535};
    private static final double[] B = {0.3340998053353061, 1.384590162594685, 0.09509516302823659, -19.33244095627987,
        56.69055260068105, -65.35303263337234, 26.3124352495832};

    static {
        for (int i = 0; i < STEPS; i++) {
            double t = (double) i / (STEPS - 1);
            TABLE[i] = channel(poly(R, t)) << 16 | channel(poly(G, t)) << 8 | channel(poly(B, t));
        }
    }

    private SaliencyScale() {
    }

    /** Opaque 0xRRGGBB for a value in [0, 1] (clamped; NaN reads as 0). */
    public static int rgb(double value) {
        double v = Double.isNaN(value) ? 0 : Math.clamp(value, 0.0, 1.0);
        return TABLE[(int) Math.round(v * (STEPS - 1))];
    }

    /**
     * Non-premultiplied 0xAARRGGBB for overlays drawn over tissue: the colour of {@code value} with an alpha that
     * rises with it (full from 0.625), so areas the models did not look at stay clear.
     */
    public static int argb(double value) {
        double v = Double.isNaN(value) ? 0 : Math.clamp(value, 0.0, 1.0);
        int alpha = (int) Math.round(255 * Math.min(1.0, v * 1.6));
        return alpha << 24 | rgb(v);
    }

    private static double poly(double[] c, double t) {
        double v = c[6];
        for (int i = 5; i >= 0; i--) {
            v = v * t + c[i];
        }
        return v;
    }

    private static int channel(double c) {
        return (int) Math.round(Math.clamp(c, 0.0, 1.0) * 255);
    }
}
