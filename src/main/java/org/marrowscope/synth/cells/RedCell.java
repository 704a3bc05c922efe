package org.marrowscope.synth.cells;

import static org.marrowscope.synth.cells.Noise.clamp01;
import static org.marrowscope.synth.cells.Noise.smoothstep;

import java.util.SplittableRandom;

/**
 * An erythrocyte: a salmon biconcave disc, thicker (darker) at the rim with a pale centre.
 *
 * @param outline disc outline relative to the centre
 * @param pallor radius of the central pallor as a fraction of the cell radius
 * @param pallorDepth how much paler the centre is, 0..1
 * @param od absorbance of the full-thickness rim
 */
public record RedCell(double cx, double cy, Shape.Oval outline, double pallor, double pallorDepth, Od od,
                      double feather) {

    /** Red cell diameter range on smears, micrometres. */
    public static final double MIN_DIAMETER_UM = 6.8;
    public static final double MAX_DIAMETER_UM = 8.2;

    /**
     * @param thick 0 in a monolayer, 1 in thick areas, where red cells overlap and lose their pallor
     */
    public static RedCell draw(double cx, double cy, double radius, long seed, CellEnv env, double thick) {
        SplittableRandom rng = new SplittableRandom(seed);
        double a = rng.nextDouble() * 2 * Math.PI;
        double stretch = Math.sqrt(1 + 0.12 * rng.nextDouble());
        double h2 = 0.025 * Math.clamp(rng.nextGaussian(), -2.5, 2.5);
        double h3 = 0.018 * Math.clamp(rng.nextGaussian(), -2.5, 2.5);
        double p2 = rng.nextDouble() * 2 * Math.PI;
        double p3 = rng.nextDouble() * 2 * Math.PI;
        Shape.Oval outline = new Shape.Oval(0, 0, radius, Math.cos(a), Math.sin(a), stretch,
                h2 * Math.cos(p2), h2 * Math.sin(p2), h3 * Math.cos(p3), h3 * Math.sin(p3), 0, 0);
        double pallor = 0.3 + 0.16 * rng.nextDouble();
        double depth = (0.42 + 0.22 * rng.nextDouble()) * (1 - 0.6 * thick);
        // a few young red cells still hold RNA and look grey-blue (polychromasia)
        double blue = rng.nextDouble() < 0.04 ? 0.2 : 0.12;
        double k = (0.9 + 0.2 * rng.nextDouble()) * env.darkness();
        Od od = env.palette().mix(0.025 * k, blue * k, 0.34 * k, 0.05 * k);
        return new RedCell(cx, cy, outline, pallor, depth, od, env.feather());
    }

    public void paint(OdCanvas canvas) {
        double r = outline.radius();
        double reach = outline.reach() + feather + 1;
        int[] box = canvas.clip(cx, cy, reach);
        if (box == null) {
            return;
        }
        double reach2 = reach * reach;
        double inner = pallor * 0.45;
        double outer = pallor * 1.2 + feather / r;
        int w = canvas.width();
        for (int y = box[2]; y < box[3]; y++) {
            double dy = canvas.y0() + y + 0.5 - cy;
            for (int x = box[0]; x < box[1]; x++) {
                double dx = canvas.x0() + x + 0.5 - cx;
                if (dx * dx + dy * dy > reach2) {
                    continue;
                }
                double sd = outline.sd(dx, dy);
                double cov = clamp01(0.5 - sd / feather);
                if (cov <= 0) {
                    continue;
                }
                double rho = (sd + r) / r;
                double k = cov * (1 - pallorDepth * (1 - smoothstep(inner, outer, rho)))
                        * (1 + 0.12 * smoothstep(0.55, 0.92, rho));
                canvas.add(y * w + x, k * od.r(), k * od.g(), k * od.b());
            }
        }
    }
}
