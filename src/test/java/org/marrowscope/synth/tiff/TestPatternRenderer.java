package org.marrowscope.synth.tiff;


/**
 * A deterministic slide with every kind of content the writer must get right: smooth gradients,
 * hard-edged squares, pure red, green and blue patches (to catch swapped channels or a wrong JPEG
 * colour space), a plain white band (background) and a patch of per-pixel noise (to catch any
 * off-by-one in lossless coding). Each pixel depends only on its coordinates.
 */
record TestPatternRenderer(long width, long height) implements RegionRenderer {

    static final int WHITE_BAND = 160;
    /** Pure colour patches: [x0, x0 + PATCH) x [PATCH_Y, PATCH_Y + PATCH). */
    static final int PATCH = 256;
    static final int PATCH_Y = 320;
    static final int RED_X = 320;
    static final int GREEN_X = 640;
    static final int BLUE_X = 960;

    @Override
    public void render(long x, long y, int w, int h, int[] rgb) {
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                rgb[j * w + i] = pixel(x + i, y + j);
            }
        }
    }

    int pixel(long x, long y) {
        if (x < WHITE_BAND) {
            return 0xFFFFFF;
        }
        if (y >= PATCH_Y && y < PATCH_Y + PATCH) {
            if (x >= RED_X && x < RED_X + PATCH) {
                return 0xFF0000;
            }
            if (x >= GREEN_X && x < GREEN_X + PATCH) {
                return 0x00FF00;
            }
            if (x >= BLUE_X && x < BLUE_X + PATCH) {
                return 0x0000FF;
            }
        }
        if (x >= width - 150 && y >= height - 150) {
            long n = (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
            n ^= n >>> 29;
            n *= 0xBF58476D1CE4E5B9L;
            return (int) (n >>> 40) & 0xFFFFFF;
        }
        if (x >= 1400 && x < 1800 && y >= 700 && y < 1100) {
            boolean dark = ((x - 1400) / 50 + (y - 700) / 50) % 2 == 0;
            return dark ? 0x5A2D82 : 0xE8C8D8;
        }
        int r = (int) (x * 255 / Math.max(1, width - 1));
        int g = (int) (y * 255 / Math.max(1, height - 1));
        int b = (int) ((x + 2 * y) * 255 / Math.max(1, width + 2 * height - 3));
        return r << 16 | g << 8 | b;
    }

    /**
     * The pixels the writer must store in level {@code level} for the region at level-{@code level}
     * coordinates (x, y, w, h): each level averages 2x2 blocks of the level above, a block cut by
     * the edge averaging only its pixels inside, rounding half up.
     */
    int[] expected(int level, long x, long y, int w, int h) {
        if (level == 0) {
            int[] out = new int[w * h];
            render(x, y, w, h, out);
            return out;
        }
        long parentW = levelSize(width, level - 1);
        long parentH = levelSize(height, level - 1);
        int pw = (int) Math.min(2L * w, parentW - 2 * x);
        int ph = (int) Math.min(2L * h, parentH - 2 * y);
        int[] parent = expected(level - 1, 2 * x, 2 * y, pw, ph);
        int[] out = new int[w * h];
        for (int oy = 0; oy < h; oy++) {
            for (int ox = 0; ox < w; ox++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int dy = 0; dy < 2 && 2 * oy + dy < ph; dy++) {
                    for (int dx = 0; dx < 2 && 2 * ox + dx < pw; dx++) {
                        int p = parent[(2 * oy + dy) * pw + 2 * ox + dx];
                        r += p >>> 16 & 0xFF;
                        g += p >>> 8 & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                out[oy * w + ox] = (r + n / 2) / n << 16 | (g + n / 2) / n << 8 | (b + n / 2) / n;
            }
        }
        return out;
    }

    static long levelSize(long size, int level) {
        long s = size;
        for (int k = 0; k < level; k++) {
            s = (s + 1) / 2;
        }
        return s;
    }
}
