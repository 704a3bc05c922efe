package org.marrowscope.synth.smear;

import static org.marrowscope.synth.cells.Noise.smoothstep;

import java.util.SplittableRandom;
import org.marrowscope.synth.cells.Noise;

/**
 * The smear's large-scale layout: where the film is, how thick, where fat, precipitate and focus
 * failures are. Noise is evaluated at lattice points every {@link #spacing()} pixels and bilinearly
 * interpolated, and everything (cell placement, background, ground truth labels) reads the fields
 * through {@link #sample}, so what is drawn and what is labelled always agree.
 */
final class SmearFields {

    /** Scanner camera frame, pixels; a frame whose autofocus failed is blurred as a whole. */
    private static final int FRAME_W = 1536;
    private static final int FRAME_H = 1024;
    private static final double FRAME_BLUR_RATE = 0.012;

    private final long width;
    private final long height;
    private final double mpp;
    private final int spacing;
    private final int seedEdge;
    private final int seedGap;
    private final int seedThick;
    private final int seedFat;
    private final int seedPrecip;
    private final int seedBlur;
    private final int seedFrame;
    private final double margin;
    private final double thickShift;
    private final double fatLevel;
    private final double precipLevel;
    private final double blurLevel;

    SmearFields(SmearSpec spec, int spacing) {
        this.width = spec.width();
        this.height = spec.height();
        this.mpp = spec.micronsPerPixel();
        this.spacing = spacing;
        SplittableRandom rng = new SplittableRandom(Noise.mix(spec.seed() ^ 0xF1E1_D500_0000_0003L));
        this.seedEdge = rng.nextInt();
        this.seedGap = rng.nextInt();
        this.seedThick = rng.nextInt();
        this.seedFat = rng.nextInt();
        this.seedPrecip = rng.nextInt();
        this.seedBlur = rng.nextInt();
        this.seedFrame = rng.nextInt();
        this.margin = Math.clamp(0.02 * Math.min(width, height), 64, 2500);
        // slides differ in how much of each artefact they carry
        this.thickShift = 0.01 + 0.04 * (rng.nextDouble() - 0.5);
        this.fatLevel = 0.41 + 0.06 * (rng.nextDouble() - 0.5);
        this.precipLevel = 0.435 + 0.06 * (rng.nextDouble() - 0.5);
        this.blurLevel = 0.44 + 0.06 * (rng.nextDouble() - 0.5);
    }

    public int spacing() {
        return spacing;
    }

    /** Fields at lattice point (i, j), i.e. at pixel (i * spacing, j * spacing). */
    public FieldSample lattice(long i, long j) {
        double x = (double) i * spacing;
        double y = (double) j * spacing;
        double ux = x * mpp;
        double uy = y * mpp;
        double edge = Math.min(Math.min(x, width - x), Math.min(y, height - y));
        double m = margin * (1 + 0.5 * Noise.fbm(ux / 400, uy / 400, seedEdge, 3));
        double soft = Math.max(40, 0.25 * margin);
        double border = smoothstep(m - soft, m + soft, edge);
        double gap = smoothstep(0.43, 0.51, Noise.fbm(ux / 700, uy / 700, seedGap, 3));
        double smear = border * (1 - gap);
        double thickness = 0.5 + 0.66 * Noise.fbm(ux / 900, uy / 900, seedThick, 4)
                + 0.1 * (1 - 2 * x / width) + thickShift;
        double fat = smoothstep(fatLevel - 0.04, fatLevel + 0.04, Noise.fbm(ux / 600, uy / 600, seedFat, 3));
        double precip = smoothstep(precipLevel - 0.04, precipLevel + 0.04,
                Noise.fbm(ux / 500, uy / 500, seedPrecip, 3));
        double blur = smoothstep(blurLevel - 0.04, blurLevel + 0.04, Noise.fbm(ux / 600, uy / 600, seedBlur, 3));
        long fx = Math.floorDiv((long) x, FRAME_W);
        long fy = Math.floorDiv((long) y, FRAME_H);
        if (Noise.unit(Noise.hash((int) fx, (int) fy, seedFrame)) < FRAME_BLUR_RATE) {
            blur = 1;
        }
        return new FieldSample(smear, thickness, fat, precip, blur);
    }

    /** Fields at absolute point (x, y), in pixels. */
    public FieldSample sample(double x, double y) {
        long i = (long) Math.floor(x / spacing);
        long j = (long) Math.floor(y / spacing);
        return FieldSample.bilerp(lattice(i, j), lattice(i + 1, j), lattice(i, j + 1), lattice(i + 1, j + 1),
                x / spacing - i, y / spacing - j);
    }

    /**
     * Lattice samples for points [i0, i1] x [j0, j1], computed once for a render call; points
     * outside fall back to direct evaluation, so results never depend on the window.
     */
    public Window window(long i0, long j0, long i1, long j1) {
        return new Window(i0, j0, (int) (i1 - i0 + 1), (int) (j1 - j0 + 1));
    }

    /** A cached block of lattice samples. Not thread-safe: one per render call. */
    final class Window {
        private final long i0;
        private final long j0;
        private final int ni;
        private final int nj;
        private final FieldSample[] cache;

        private Window(long i0, long j0, int ni, int nj) {
            this.i0 = i0;
            this.j0 = j0;
            this.ni = ni;
            this.nj = nj;
            this.cache = new FieldSample[ni * nj];
        }

        public FieldSample lattice(long i, long j) {
            long di = i - i0;
            long dj = j - j0;
            if (di < 0 || dj < 0 || di >= ni || dj >= nj) {
                return SmearFields.this.lattice(i, j);
            }
            int k = (int) (dj * ni + di);
            FieldSample s = cache[k];
            if (s == null) {
                s = SmearFields.this.lattice(i, j);
                cache[k] = s;
            }
            return s;
        }

        public FieldSample sample(double x, double y) {
            long i = (long) Math.floor(x / spacing);
            long j = (long) Math.floor(y / spacing);
            return FieldSample.bilerp(lattice(i, j), lattice(i + 1, j), lattice(i, j + 1), lattice(i + 1, j + 1),
                    x / spacing - i, y / spacing - j);
        }
    }
}
