package org.marrowscope.slide;

/**
 * OpenSlide returns premultiplied ARGB with alpha 0 outside the scanned area; everything downstream
 * (display, tiling rules, models) wants opaque RGB as if the glass were white.
 */
final class PremultipliedArgb {

    private PremultipliedArgb() {
    }

    /** Replaces each premultiplied ARGB pixel by the opaque RGB it shows on white, in place. */
    static void compositeOnWhite(int[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int a = p >>> 24;
            if (a == 255) {
                pixels[i] = p & 0xFFFFFF;
            } else if (a == 0) {
                pixels[i] = 0xFFFFFF;
            } else {
                int add = 255 - a;
                int r = Math.min(255, ((p >>> 16) & 0xFF) + add);
                int g = Math.min(255, ((p >>> 8) & 0xFF) + add);
                int b = Math.min(255, (p & 0xFF) + add);
                pixels[i] = (r << 16) | (g << 8) | b;
            }
        }
    }
}
