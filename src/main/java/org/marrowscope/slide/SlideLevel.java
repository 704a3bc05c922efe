package org.marrowscope.slide;

/** One pyramid level: its size in its own pixels and its downsample factor relative to level 0. */
public record SlideLevel(int index, long width, long height, double downsample) {
    public SlideLevel {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("level " + index + " has empty size " + width + "x" + height);
        }
        if (!(downsample >= 1.0) && index > 0) {
            throw new IllegalArgumentException("level " + index + " has downsample " + downsample);
        }
    }
}
