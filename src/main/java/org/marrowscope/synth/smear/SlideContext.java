package org.marrowscope.synth.smear;

import static org.marrowscope.synth.cells.Noise.smoothstep;

import org.marrowscope.synth.cells.CellEnv;
import org.marrowscope.synth.cells.CellFactory;
import org.marrowscope.synth.cells.CellType;
import org.marrowscope.synth.cells.StainPalette;

/**
 * Immutable per-slide state every part of the renderer shares: the spec, its stain, fields and
 * population, the bucket size, and how local fields translate into cell density and appearance.
 */
final class SlideContext {

    /** Bucket edge in micrometres: larger than the reach of any ordinary cell, so +-1 bucket suffices. */
    private static final double BUCKET_UM = 32;

    /** Nucleated cells requested per (128 um)^2 at thickness knots 0, .15, .25, .5, .75, 1. */
    private static final double[] NUCLEATED = {0.5, 4, 16, 32, 55, 130};
    /** Red cells requested per red-cell area at the same knots (before hard-core thinning). */
    private static final double[] RED = {0.5, 1.2, 1.8, 2.6, 3.6, 6};
    private static final double[] KNOTS = {0, 0.15, FieldSample.SPARSE_BELOW, 0.5, FieldSample.THICK_ABOVE, 1};
    private static final double TILE_UM2 = 128.0 * 128.0;
    private static final double RED_AREA_UM2 = Math.PI * 3.75 * 3.75;

    /** Extra edge ramp, micrometres, of the most out-of-focus areas. */
    private static final double MAX_BLUR_UM = 2;

    final SmearSpec spec;
    final StainPalette palette;
    final SmearFields fields;
    final Population population;
    final double pxPerUm;
    final int bucket;
    /** Widest edge ramp any object can have, pixels. */
    final double maxFeather;

    SlideContext(SmearSpec spec) {
        this.spec = spec;
        this.palette = spec.stain().palette();
        this.pxPerUm = spec.pixelsPerMicron();
        this.bucket = (int) Math.round(BUCKET_UM * pxPerUm);
        this.fields = new SmearFields(spec, bucket);
        this.population = Population.of(spec.smearClass());
        this.maxFeather = palette.baseFeather() + MAX_BLUR_UM * pxPerUm;
        for (CellType t : CellType.values()) {
            if (t != CellType.MEGAKARYOCYTE && CellFactory.maxReach(t, pxPerUm, maxFeather) > bucket) {
                throw new IllegalStateException(t + " can reach beyond one bucket at " + spec.micronsPerPixel() + " um/px");
            }
        }
    }

    /** How a cell at a point with these fields looks: focus blur, and thick-area shrinkage and darkening. */
    CellEnv env(FieldSample f) {
        double blur = smoothstep(0.3, 0.9, f.blur());
        double thick = f.thickAmount();
        return new CellEnv(pxPerUm, palette.baseFeather() + MAX_BLUR_UM * pxPerUm * blur, 1 - 0.85 * blur, 1 - 0.15 * thick,
                1 + 0.3 * thick, palette);
    }

    /** Requested nucleated cells per pixel^2 (before spacing), following the film thickness. */
    double nucleatedDensity(FieldSample f) {
        return f.smear() * population.density() * knot(NUCLEATED, f.thickness()) / TILE_UM2 / (pxPerUm * pxPerUm);
    }

    /** Requested red cells per pixel^2 (before spacing). */
    double redDensity(FieldSample f) {
        return f.smear() * knot(RED, f.thickness()) / RED_AREA_UM2 / (pxPerUm * pxPerUm);
    }

    /** Hard-core spacing factor: cells keep apart in a monolayer and pile up in thick areas. */
    static double spacing(FieldSample f, double monolayer, double thick) {
        return monolayer + (thick - monolayer) * f.thickAmount();
    }

    private static double knot(double[] values, double t) {
        if (t <= KNOTS[0]) {
            return values[0];
        }
        for (int i = 1; i < KNOTS.length; i++) {
            if (t <= KNOTS[i]) {
                double u = (t - KNOTS[i - 1]) / (KNOTS[i] - KNOTS[i - 1]);
                return values[i - 1] + u * (values[i] - values[i - 1]);
            }
        }
        double slope = (values[values.length - 1] - values[values.length - 2]) / (KNOTS[KNOTS.length - 1] - KNOTS[KNOTS.length - 2]);
        return Math.min(values[values.length - 1] * 1.5, values[values.length - 1] + slope * (t - 1));
    }
}
