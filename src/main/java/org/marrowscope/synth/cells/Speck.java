package org.marrowscope.synth.cells;

import static org.marrowscope.synth.cells.Noise.clamp01;
import static org.marrowscope.synth.cells.Noise.smoothstep;

import java.util.SplittableRandom;

/**
 * A small non-nucleated particle: a platelet (pale lilac with a purple granular centre) or a grain
 * of stain precipitate (dark purple, opaque, irregular).
 *
 * @param granular strength of the purple granulomere speckle (platelets), 0 for precipitate
 */
public record Speck(double cx, double cy, Shape.Oval outline, Od od, Od centreOd, double granular, double feather,
                    int seed) {

    public static Speck platelet(double cx, double cy, long seed, CellEnv env) {
        SplittableRandom rng = new SplittableRandom(seed);
        double r = (1.0 + 0.8 * rng.nextDouble()) * env.pxPerUm();
        Shape.Oval outline = irregular(rng, r, 1.35, 0.12);
        StainPalette p = env.palette();
        return new Speck(cx, cy, outline, p.mix(0.12, 0.12, 0.05, 0).times(env.darkness()),
                p.mix(0.7, 0.05, 0.15, 0).times(env.darkness()), 1.0, env.feather(), rng.nextInt());
    }

    /** A precipitate grain; {@code size} in px (0.5 to 6), larger ones darker and more irregular. */
    public static Speck precipitate(double cx, double cy, double size, long seed, CellEnv env) {
        SplittableRandom rng = new SplittableRandom(seed);
        Shape.Oval outline = irregular(rng, size, 1.6, 0.08 + 0.04 * Math.min(size, 4));
        double k = 0.9 + 0.7 * rng.nextDouble();
        Od od = env.palette().mix(k, 0.5 * k, 0.05, 0);
        return new Speck(cx, cy, outline, od, od, 0, Math.min(env.feather(), 0.6 + 0.4 * env.feather()), 0);
    }

    private static Shape.Oval irregular(SplittableRandom rng, double r, double maxStretch, double wobble) {
        double a = rng.nextDouble() * 2 * Math.PI;
        double s = Math.sqrt(1 + (maxStretch - 1) * rng.nextDouble());
        double h2 = wobble * Math.clamp(rng.nextGaussian(), -1.5, 1.5);
        double h3 = wobble * Math.clamp(rng.nextGaussian(), -1.5, 1.5);
        double p2 = rng.nextDouble() * 2 * Math.PI;
        double p3 = rng.nextDouble() * 2 * Math.PI;
        return new Shape.Oval(0, 0, r, Math.cos(a), Math.sin(a), s, h2 * Math.cos(p2), h2 * Math.sin(p2),
                h3 * Math.cos(p3), h3 * Math.sin(p3), 0, 0);
    }

    public double reach() {
        return outline.reach() + feather + 1;
    }

    public void paint(OdCanvas canvas) {
        double reach = reach();
        int[] box = canvas.clip(cx, cy, reach);
        if (box == null) {
            return;
        }
        double r = outline.radius();
        double f = Math.max(0.6, feather);
        int w = canvas.width();
        for (int y = box[2]; y < box[3]; y++) {
            double ay = canvas.y0() + y + 0.5;
            double dy = ay - cy;
            for (int x = box[0]; x < box[1]; x++) {
                double ax = canvas.x0() + x + 0.5;
                double dx = ax - cx;
                double sd = outline.sd(dx, dy);
                double cov = clamp01(0.5 - sd / f);
                if (cov <= 0) {
                    continue;
                }
                double t = 0;
                if (granular > 0) {
                    double centre = 1 - smoothstep(0.2, 0.75, (sd + r) / r);
                    t = granular * centre * (0.5 + 0.9 * (Noise.value(ax / 1.2, ay / 1.2, seed) - 0.4));
                    t = clamp01(t);
                }
                double k0 = cov * (1 - t);
                double k1 = cov * t;
                canvas.add(y * w + x, k0 * od.r() + k1 * centreOd.r(), k0 * od.g() + k1 * centreOd.g(),
                        k0 * od.b() + k1 * centreOd.b());
            }
        }
    }
}
