package org.marrowscope.viewer;

/**
 * The saliency overlay's colour map: transparent where the value is low, then blue, cyan, green, yellow and
 * red, so the eye goes to what the models relied on most while the cells underneath stay visible.
 */
public final class HeatColours {

    private static final float[] STOPS = {0f, 0.25f, 0.5f, 0.75f, 1f};
    private static final int[][] RGB = {
        {48, 18, 159}, {30, 160, 230}, {60, 200, 90}, {250, 200, 30}, {210, 30, 20}};

    private HeatColours() {
    }

    /** Opaque 0xRRGGBB for a value in [0, 1] (clamped). */
    public static int rgb(float value) {
        float v = Math.clamp(value, 0f, 1f);
        int i = 0;
        while (i < STOPS.length - 2 && v > STOPS[i + 1]) {
            i++;
        }
        float t = (v - STOPS[i]) / (STOPS[i + 1] - STOPS[i]);
        int r = Math.round(RGB[i][0] + t * (RGB[i + 1][0] - RGB[i][0]));
        int g = Math.round(RGB[i][1] + t * (RGB[i + 1][1] - RGB[i][1]));
        int b = Math.round(RGB[i][2] + t * (RGB[i + 1][2] - RGB[i][2]));
        return (r << 16) | (g << 8) | b;
    }

    /**
     * Non-premultiplied 0xAARRGGBB: the colour of {@code value} with an alpha that rises with it, so areas the
     * models did not look at stay clear.
     */
    public static int argb(float value) {
        float v = Math.clamp(value, 0f, 1f);
        int alpha = Math.round(255 * Math.min(1f, v * 1.6f));
        return (alpha << 24) | rgb(v);
    }
}
