package org.marrowscope.slide;

/**
 * Physical size of one level-0 pixel.
 *
 * @param x micrometres per pixel horizontally
 * @param y micrometres per pixel vertically
 * @param source where the value came from (e.g. "openslide.mpp-x", "tiff.XResolution", "user")
 */
public record MicronsPerPixel(double x, double y, String source) {
    public MicronsPerPixel {
        if (!(x > 0) || !(y > 0) || Double.isInfinite(x) || Double.isInfinite(y)) {
            throw new IllegalArgumentException("microns per pixel must be positive: " + x + " x " + y);
        }
    }

    public double mean() {
        return (x + y) / 2;
    }
}
