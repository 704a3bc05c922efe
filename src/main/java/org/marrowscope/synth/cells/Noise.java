package org.marrowscope.synth.cells;

/**
 * Seeded noise evaluated at absolute coordinates. Every function is pure, so a pixel gets the same
 * texture whichever region it is rendered in and on whichever thread.
 */
public final class Noise {

    private static final double[] GRAD_X = new double[16];
    private static final double[] GRAD_Y = new double[16];

    static {
        for (int i = 0; i < 16; i++) {
            double a = (i + 0.5) * Math.PI / 8;
            GRAD_X[i] = Math.cos(a);
            GRAD_Y[i] = Math.sin(a);
        }
    }

    private Noise() {}

    /** SplitMix64 finaliser: a strong 64-bit mix used to derive independent seeds. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Seed for item (a, b) of stream {@code salt} of the slide {@code seed}. */
    public static long seed(long seed, long salt, long a, long b) {
        return mix(mix(mix(seed ^ salt * 0x9E3779B97F4A7C15L) + a) + b * 0xD1B54A32D192ED03L);
    }

    /** 32-bit hash of a lattice point. */
    public static int hash(int x, int y, int seed) {
        int h = seed * 0x27d4eb2d + x * 0x85ebca6b + y * 0xc2b2ae35;
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        h *= 0x297a2d39;
        h ^= h >>> 15;
        return h;
    }

    /** Uniform value in [0, 1) from a hash. */
    public static float unit(int h) {
        return (h >>> 8) * 0x1.0p-24f;
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    /** Smooth value noise in [0, 1] with unit lattice spacing. */
    public static double value(double x, double y, int seed) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        int ix = (int) fx;
        int iy = (int) fy;
        double tx = fade(x - fx);
        double ty = fade(y - fy);
        double a = unit(hash(ix, iy, seed));
        double b = unit(hash(ix + 1, iy, seed));
        double c = unit(hash(ix, iy + 1, seed));
        double d = unit(hash(ix + 1, iy + 1, seed));
        double top = a + (b - a) * tx;
        double bottom = c + (d - c) * tx;
        return top + (bottom - top) * ty;
    }

    /** Gradient (Perlin) noise, roughly in [-0.8, 0.8], isotropic enough for large-scale fields. */
    public static double gradient(double x, double y, int seed) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        int ix = (int) fx;
        int iy = (int) fy;
        double rx = x - fx;
        double ry = y - fy;
        double n00 = corner(ix, iy, rx, ry, seed);
        double n10 = corner(ix + 1, iy, rx - 1, ry, seed);
        double n01 = corner(ix, iy + 1, rx, ry - 1, seed);
        double n11 = corner(ix + 1, iy + 1, rx - 1, ry - 1, seed);
        double u = rx * rx * rx * (rx * (rx * 6 - 15) + 10);
        double v = ry * ry * ry * (ry * (ry * 6 - 15) + 10);
        double top = n00 + (n10 - n00) * u;
        double bottom = n01 + (n11 - n01) * u;
        return top + (bottom - top) * v;
    }

    private static double corner(int ix, int iy, double dx, double dy, int seed) {
        int g = hash(ix, iy, seed) >>> 28;
        return GRAD_X[g] * dx + GRAD_Y[g] * dy;
    }

    /**
     * Fractal gradient noise normalised to about [-1, 1]; octaves are rotated against each other so
     * that no lattice direction shows in thresholded blobs.
     */
    public static double fbm(double x, double y, int seed, int octaves) {
        double sum = 0;
        double amp = 1;
        double norm = 0;
        double px = x;
        double py = y;
        for (int o = 0; o < octaves; o++) {
            sum += amp * gradient(px, py, seed + o * 7919);
            norm += amp;
            amp *= 0.5;
            double nx = (px * 0.8 - py * 0.6) * 2.03 + 17.1;
            py = (px * 0.6 + py * 0.8) * 2.03 - 9.7;
            px = nx;
        }
        return 1.6 * sum / norm;
    }

    /**
     * Coverage in [0, 1] of granules scattered at random: one possible dot per lattice cell of size
     * {@code cell} px, present with probability {@code prob}, centred anywhere in its cell. Dots of
     * radius up to half a cell can only reach the 2 x 2 cells nearest the point, so only those are
     * visited.
     */
    public static double dot(double x, double y, double cell, double prob, double radius, double feather, int seed) {
        double gx = x / cell;
        double gy = y / cell;
        int ix0 = (int) Math.floor(gx - 0.5);
        int iy0 = (int) Math.floor(gy - 0.5);
        double best = 0;
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                int h = hash(ix0 + i, iy0 + j, seed);
                if (unit(h) >= prob) {
                    continue;
                }
                int h2 = h * 0x2c1b3c6d + 0x6a09e667;
                double cx = (ix0 + i + unit(h2)) * cell;
                double cy = (iy0 + j + unit(h2 * 0x297a2d39 + 0x3c6ef372)) * cell;
                double r = Math.min(0.5 * cell, radius * (0.65 + 0.7 * unit(h2 ^ 0x5bd1e995)));
                double dx = x - cx;
                double dy = y - cy;
                double d = Math.sqrt(dx * dx + dy * dy) - r;
                double c = 0.5 - d / feather;
                if (c > best) {
                    best = c;
                }
            }
        }
        return best > 1 ? 1 : best;
    }

    public static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    public static double smoothstep(double e0, double e1, double v) {
        double t = clamp01((v - e0) / (e1 - e0));
        return t * t * (3 - 2 * t);
    }
}
