package org.marrowscope.synth.cells;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marrowscope.synth.cells.NucleatedCell.Chromatin;
import org.marrowscope.synth.cells.NucleatedCell.Granules;
import org.marrowscope.synth.cells.NucleatedCell.Rod;
import org.marrowscope.synth.cells.NucleatedCell.Spot;

/**
 * Mutable working copy of a cell while a morphology recipe fills it in, with the random helpers
 * the recipes share. Lengths are in pixels; recipes convert from micrometres with {@link #um}.
 */
final class Draft {

    /** Largest relative radius excess of an outline from its harmonics. */
    static final double MAX_WOBBLE = 0.25;

    final SplittableRandom rng;
    final CellEnv env;
    final StainPalette pal;
    final CellType type;
    final boolean neoplastic;
    final double cx;
    final double cy;
    /** Cell radius in pixels. */
    final double radius;

    Shape cytoplasm;
    Od cytoplasmOd = Od.ZERO;
    double rim = 0.25;
    double mottle = 0.06;
    Shape nucleus;
    Od nucleusOd;
    Chromatin chromatin;
    final List<Spot> nucleoli = new ArrayList<>();
    Od nucleolusOd = Od.ZERO;
    Granules granules = Granules.NONE;
    Spot halo = Spot.NONE;
    double haloStrength;
    final List<Spot> vacuoles = new ArrayList<>();
    final List<Rod> rods = new ArrayList<>();
    Od rodOd = Od.ZERO;

    Draft(CellType type, boolean neoplastic, double cx, double cy, double sizeDraw, long seed, CellEnv env) {
        this.rng = new SplittableRandom(seed);
        this.env = env;
        this.pal = env.palette();
        this.type = type;
        this.neoplastic = neoplastic;
        this.cx = cx;
        this.cy = cy;
        this.radius = radiusPx(type, sizeDraw, env);
        this.nucleusOd = pal.mix(1, 0, 0, 0);
    }

    /** Cell radius in pixels for a size draw; also used for spacing before the cell is built. */
    static double radiusPx(CellType type, double sizeDraw, CellEnv env) {
        return 0.5 * type.diameterUm(sizeDraw) * env.pxPerUm() * env.sizeScale();
    }

    double um(double micrometres) {
        return micrometres * env.pxPerUm() * env.sizeScale();
    }

    double u(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    double angle() {
        return rng.nextDouble() * 2 * Math.PI;
    }

    /**
     * An oval with random orientation, elongation up to {@code maxStretch} and wobble
     * {@code irregular}. The total wobble is capped at {@link #MAX_WOBBLE} so that a cell never
     * reaches further than its type's size allows (region rendering relies on that bound).
     */
    Shape.Oval oval(double ox, double oy, double r, double maxStretch, double irregular) {
        double a = angle();
        double s = Math.sqrt(u(1, maxStretch));
        double h2 = irregular * rng.nextGaussian();
        double h3 = irregular * 0.7 * rng.nextGaussian();
        double h5 = irregular * 0.35 * rng.nextGaussian();
        double total = Math.abs(h2) + Math.abs(h3) + Math.abs(h5);
        if (total > MAX_WOBBLE) {
            h2 *= MAX_WOBBLE / total;
            h3 *= MAX_WOBBLE / total;
            h5 *= MAX_WOBBLE / total;
        }
        double p2 = angle();
        double p3 = angle();
        double p5 = angle();
        return new Shape.Oval(ox, oy, r, Math.cos(a), Math.sin(a), s,
                h2 * Math.cos(p2), h2 * Math.sin(p2), h3 * Math.cos(p3), h3 * Math.sin(p3),
                h5 * Math.cos(p5), h5 * Math.sin(p5));
    }

    /** Cell outline: a nearly round, slightly irregular flattened cell. */
    Shape.Oval roundCell(double maxStretch, double irregular) {
        return oval(0, 0, radius, maxStretch, irregular);
    }

    /**
     * Capsules following a circular arc around (ax, ay) of radius ra, from angle a0 over
     * {@code span} radians, in {@code n} pieces whose half-width goes from tw0 to tw1: the path of
     * band, kidney and folded nuclei.
     */
    List<Shape.Capsule> arc(double ax, double ay, double ra, double a0, double span, int n, double tw0, double tw1) {
        List<Shape.Capsule> parts = new ArrayList<>();
        double px = ax + ra * Math.cos(a0);
        double py = ay + ra * Math.sin(a0);
        double pw = tw0;
        for (int i = 1; i <= n; i++) {
            double t = (double) i / n;
            double a = a0 + span * t;
            double qx = ax + ra * Math.cos(a);
            double qy = ay + ra * Math.sin(a);
            double qw = (tw0 + (tw1 - tw0) * t) * u(0.9, 1.1);
            parts.add(new Shape.Capsule(px, py, pw, qx, qy, qw));
            px = qx;
            py = qy;
            pw = qw;
        }
        return parts;
    }

    /** Offset of a nucleus of radius rn pushed a fraction {@code ecc} of the way to the cell edge. */
    double[] offset(double rn, double ecc) {
        double a = angle();
        double o = ecc * Math.max(0, radius * 0.96 - rn);
        return new double[] {o * Math.cos(a), o * Math.sin(a)};
    }

    /** Pale Golgi zone next to a nucleus at (nx, ny), on the side towards the cell centre. */
    void golgi(double nx, double ny, double rn, double r, double strength) {
        double len = Math.hypot(nx, ny);
        double ux = len > 1e-6 ? -nx / len : 1;
        double uy = len > 1e-6 ? -ny / len : 0;
        halo = new Spot(nx + ux * (rn * 0.8 + r * 0.25), ny + uy * (rn * 0.8 + r * 0.25), r);
        haloStrength = strength;
    }

    /** Fine, even chromatin of blasts. */
    Chromatin fineChromatin(double density, double fineAmp, double clumpAmp) {
        return new Chromatin(density, um(0.55), fineAmp, um(1.1), clumpAmp, 0.35, 0.12, 1, 0, 1, 0);
    }

    /** Condensed chromatin in blocks separated by pale streaks (lymphocytes, plasma cells, late precursors). */
    Chromatin clumpedChromatin(double density, double clumpUm, double clumpAmp, double crack) {
        return new Chromatin(density, um(0.5), 0.12, um(clumpUm), clumpAmp, crack, 0.2, 1, 0, 1, 0);
    }

    /** Puts a nucleolus of radius r somewhere inside a round nucleus at (nx, ny) of radius rn. */
    void addNucleolus(double nx, double ny, double rn, double r) {
        double a = angle();
        double d = Math.sqrt(rng.nextDouble()) * Math.max(0, rn * 0.62 - r);
        nucleoli.add(new Spot(nx + d * Math.cos(a), ny + d * Math.sin(a), r));
    }

    /** Cytoplasm absorbance from dye amounts, with a little per-cell variation. */
    Od cytoplasm(double p, double b, double e) {
        double k = u(0.9, 1.1);
        return pal.mix(p * k, b * k, e * u(0.9, 1.1), 0);
    }

    NucleatedCell build() {
        double dark = env.darkness();
        double nucleusShift = u(0.93, 1.07);
        return new NucleatedCell(type, neoplastic, cx, cy, cytoplasm, cytoplasmOd.times(dark), rim, mottle,
                nucleus, nucleusOd.times(dark * nucleusShift), chromatin, nucleoli, nucleolusOd.times(dark),
                new Granules(granules.cell(), granules.prob(), granules.radius(), granules.od().times(dark),
                        granules.overNucleus(), granules.dust(), granules.dustOd().times(dark)),
                halo, haloStrength, vacuoles, rods, rodOd.times(dark), env.feather(), env.sharpness(),
                rng.nextInt());
    }
}
