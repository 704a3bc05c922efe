package org.marrowscope.synth.cells;

/**
 * Optical density per colour channel. Brightfield images are rendered in absorbance space because
 * stains and overlapping cells then combine by simple addition (Beer-Lambert), which also makes
 * the result independent of how a slide is cut into regions.
 */
public record Od(float r, float g, float b) {

    public static final Od ZERO = new Od(0f, 0f, 0f);

    public Od times(double k) {
        return new Od((float) (r * k), (float) (g * k), (float) (b * k));
    }

    /** Optical density that turns {@code white} into the 8-bit colour (red, green, blue). */
    public static Od ofColour(double red, double green, double blue, double white) {
        return new Od(
                (float) Math.log(white / red), (float) Math.log(white / green), (float) Math.log(white / blue));
    }
}
