package org.marrowscope.pipeline;

/**
 * The paper's pre-filter: a tile is background (or artefact) when any of its four corner pixels is plain
 * white or plain black. "Plain" needs a tolerance on real scans: white means every channel at or above
 * {@code whiteMin}, black every channel at or below {@code blackMax}. Unscanned area reads as white.
 */
public record BackgroundRule(int whiteMin, int blackMax) {

    public static final BackgroundRule DEFAULT = new BackgroundRule(235, 20);

    public BackgroundRule {
        if (whiteMin < 0 || whiteMin > 255 || blackMax < 0 || blackMax > 255 || blackMax >= whiteMin) {
            throw new IllegalArgumentException("background thresholds must satisfy 0 <= black < white <= 255");
        }
    }

    public boolean isPlain(int rgb) {
        int r = (rgb >>> 16) & 0xFF;
        int g = (rgb >>> 8) & 0xFF;
        int b = rgb & 0xFF;
        return (r >= whiteMin && g >= whiteMin && b >= whiteMin) || (r <= blackMax && g <= blackMax && b <= blackMax);
    }

    /** True when any of the four corners is plain white or plain black. */
    public boolean isBackground(int topLeft, int topRight, int bottomLeft, int bottomRight) {
        return isPlain(topLeft) || isPlain(topRight) || isPlain(bottomLeft) || isPlain(bottomRight);
    }
}
