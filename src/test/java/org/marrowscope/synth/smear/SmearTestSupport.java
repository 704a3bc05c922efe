package org.marrowscope.synth.smear;

import java.util.ArrayList;
import java.util.List;

/** Shared helpers: finding tiles of a given quality and reading pixels. */
final class SmearTestSupport {

    private SmearTestSupport() {}

    /**
     * Top-left corners of non-overlapping tiles of the given size whose every sample point has
     * label q, searched on a grid of a quarter tile.
     */
    static List<long[]> tiles(SmearRenderer r, QualityLabel q, int size, int max) {
        List<long[]> out = new ArrayList<>();
        int step = size / 4;
        for (long y = 0; y + size <= r.height() && out.size() < max; y += step) {
            for (long x = 0; x + size <= r.width() && out.size() < max; x += step) {
                if (!overlaps(out, x, y, size) && uniform(r, x, y, size, q)) {
                    out.add(new long[] {x, y});
                }
            }
        }
        return out;
    }

    /** Like {@link #tiles} but for tiles whose dominant quality is q (rare artefacts seldom fill a tile). */
    static List<long[]> dominantTiles(SmearRenderer r, QualityLabel q, int size, int max) {
        List<long[]> out = new ArrayList<>();
        int step = size / 4;
        for (long y = 0; y + size <= r.height() && out.size() < max; y += step) {
            for (long x = 0; x + size <= r.width() && out.size() < max; x += step) {
                if (!overlaps(out, x, y, size) && r.dominantQuality(x, y, size, size) == q) {
                    out.add(new long[] {x, y});
                }
            }
        }
        return out;
    }

    private static boolean overlaps(List<long[]> tiles, long x, long y, int size) {
        for (long[] t : tiles) {
            if (Math.abs(t[0] - x) < size && Math.abs(t[1] - y) < size) {
                return true;
            }
        }
        return false;
    }

    static boolean uniform(SmearRenderer r, long x, long y, int size, QualityLabel q) {
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 5; i++) {
                if (r.qualityAt(x + (long) i * (size - 1) / 4, y + (long) j * (size - 1) / 4) != q) {
                    return false;
                }
            }
        }
        return true;
    }

    static int[] render(SmearRenderer r, long x, long y, int w, int h) {
        int[] rgb = new int[w * h];
        r.render(x, y, w, h, rgb);
        return rgb;
    }

    static boolean nearWhite(int rgb) {
        return (rgb >> 16 & 0xff) >= 235 && (rgb >> 8 & 0xff) >= 235 && (rgb & 0xff) >= 235;
    }

    static boolean nearBlack(int rgb) {
        return (rgb >> 16 & 0xff) <= 20 && (rgb >> 8 & 0xff) <= 20 && (rgb & 0xff) <= 20;
    }

    static double luminance(int rgb) {
        return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
    }

    /** Mean absolute Laplacian of the luminance: fine detail, which focus blur removes. */
    static double sharpness(int[] rgb, int w, int h) {
        double sum = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int k = y * w + x;
                double lap = 4 * luminance(rgb[k]) - luminance(rgb[k - 1]) - luminance(rgb[k + 1])
                        - luminance(rgb[k - w]) - luminance(rgb[k + w]);
                sum += Math.abs(lap);
                n++;
            }
        }
        return sum / n;
    }
}
