package org.marrowscope.synth.cells;

import static org.marrowscope.synth.cells.Noise.clamp01;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A marrow fat cell as it shows on an aspirate smear: a large round clear hole in the film (the
 * lipid dissolved in fixation) bounded by a thin pink-grey membrane.
 *
 * <p>Fat cells are painted together ({@link #paintAll}) so that touching ones share a septum, like
 * the packed bubbles of a fat cluster.
 */
public record Adipocyte(double cx, double cy, Shape.Oval outline, Od membraneOd, double membrane, double feather) {

    public static final double MIN_DIAMETER_UM = 36;
    public static final double MAX_DIAMETER_UM = 72;

    public static Adipocyte draw(double cx, double cy, long seed, CellEnv env) {
        SplittableRandom rng = new SplittableRandom(seed);
        double d = MIN_DIAMETER_UM + (MAX_DIAMETER_UM - MIN_DIAMETER_UM) * rng.nextDouble();
        double r = 0.5 * d * env.pxPerUm();
        double a = rng.nextDouble() * 2 * Math.PI;
        double s = Math.sqrt(1 + 0.18 * rng.nextDouble());
        double h3 = 0.03 * Math.clamp(rng.nextGaussian(), -2.5, 2.5);
        double h5 = 0.02 * Math.clamp(rng.nextGaussian(), -2.5, 2.5);
        Shape.Oval outline = new Shape.Oval(0, 0, r, Math.cos(a), Math.sin(a), s, 0, 0, h3, 0, 0, h5);
        double membrane = (0.5 + 0.35 * rng.nextDouble()) * env.pxPerUm();
        return new Adipocyte(cx, cy, outline, env.palette().mix(0.05, 0.12, 0.2, 0), membrane, env.feather());
    }

    /** Largest distance from the centre at which this fat cell paints, for a given scan resolution. */
    public static double maxReach(double pxPerUm, double feather) {
        return 0.5 * MAX_DIAMETER_UM * pxPerUm * 1.25 + feather + 2 * pxPerUm;
    }

    public double reach() {
        return outline.reach() + membrane + feather + 1;
    }

    /**
     * Paints fat cells together: inside their union the dissolved lipid leaves almost nothing to
     * absorb, and membranes run along the union's outline and along the septa where neighbouring
     * fat cells meet (where they are equally deep inside both), never across another fat cell.
     */
    public static void paintAll(List<Adipocyte> fat, OdCanvas canvas) {
        if (fat.isEmpty()) {
            return;
        }
        int xs = Integer.MAX_VALUE;
        int xe = Integer.MIN_VALUE;
        int ys = Integer.MAX_VALUE;
        int ye = Integer.MIN_VALUE;
        for (Adipocyte a : fat) {
            int[] box = canvas.clip(a.cx, a.cy, a.reach());
            if (box != null) {
                xs = Math.min(xs, box[0]);
                xe = Math.max(xe, box[1]);
                ys = Math.min(ys, box[2]);
                ye = Math.max(ye, box[3]);
            }
        }
        int w = canvas.width();
        for (int y = ys; y < ye; y++) {
            double py = canvas.y0() + y + 0.5;
            for (int x = xs; x < xe; x++) {
                double px = canvas.x0() + x + 0.5;
                double sd1 = Double.MAX_VALUE;
                double sd2 = Double.MAX_VALUE;
                Adipocyte owner = null;
                for (Adipocyte a : fat) {
                    double dx = px - a.cx;
                    double dy = py - a.cy;
                    double reach = a.reach();
                    if (dx * dx + dy * dy > reach * reach) {
                        continue;
                    }
                    double sd = a.outline.sd(dx, dy);
                    if (sd < sd1) {
                        sd2 = sd1;
                        sd1 = sd;
                        owner = a;
                    } else if (sd < sd2) {
                        sd2 = sd;
                    }
                }
                if (owner == null) {
                    continue;
                }
                int k = y * w + x;
                double inside = clamp01(0.5 - sd1 / owner.feather);
                if (inside > 0) {
                    canvas.scale(k, 1 - 0.94 * inside);
                }
                double d = sd1 < 0 ? Math.min(-sd1, 0.5 * (sd2 - sd1)) : sd1;
                double m = clamp01(0.5 - (d - 0.5 * owner.membrane) / owner.feather);
                if (m > 0) {
                    Od od = owner.membraneOd;
                    canvas.add(k, m * od.r(), m * od.g(), m * od.b());
                }
            }
        }
    }
}
