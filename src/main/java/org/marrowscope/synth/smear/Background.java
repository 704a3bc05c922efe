package org.marrowscope.synth.smear;

import org.marrowscope.synth.cells.Noise;
import org.marrowscope.synth.cells.OdCanvas;
import org.marrowscope.synth.cells.Od;

/**
 * The film between cells: a pale pink-grey layer of stained plasma protein, denser where the smear
 * is thick, faintly purple where precipitate settled, absent on bare glass. Its absorbance is
 * computed at the field lattice and interpolated per pixel, with a faint blotchy mottle.
 */
final class Background {

    /**
     * Plasma dye amounts. Chosen so that the film's green channel stays below 235 even on the
     * brightest, palest slides, so the tile filter never takes a thin smear for glass.
     */
    private static final double PLASMA_P = 0.007;
    private static final double PLASMA_B = 0.027;
    private static final double PLASMA_E = 0.08;
    private static final double PLASMA_O = 0.08;
    /** Brightest the film's green channel may be, below the 235 near-white threshold. */
    private static final double MAX_FILM_GREEN = 229;
    /** Lowest relative level of the film mottle. */
    private static final double MOTTLE_LOW = 0.86;
    /** Wavelength of the film mottle, pixels. */
    private static final double MOTTLE_PX = 22.0;

    private Background() {}

    static void paint(SlideContext ctx, SmearFields.Window window, OdCanvas canvas, int mottleSeed) {
        int s = ctx.bucket;
        long x0 = canvas.x0();
        long y0 = canvas.y0();
        int w = canvas.width();
        int h = canvas.height();
        long i0 = Math.floorDiv(x0, s);
        long j0 = Math.floorDiv(y0, s);
        int ni = (int) (Math.floorDiv(x0 + w - 1, s) - i0 + 2);
        int nj = (int) (Math.floorDiv(y0 + h - 1, s) - j0 + 2);
        float[] lr = new float[ni * nj];
        float[] lg = new float[ni * nj];
        float[] lb = new float[ni * nj];
        Od film = ctx.palette.mix(PLASMA_P, PLASMA_B, PLASMA_E, PLASMA_O);
        double minGreen = Math.log(ctx.palette.whiteG() / MAX_FILM_GREEN) / MOTTLE_LOW;
        Od haze = ctx.palette.mix(0.06, 0.02, 0, 0);
        for (int j = 0; j < nj; j++) {
            for (int i = 0; i < ni; i++) {
                FieldSample f = window.lattice(i0 + i, j0 + j);
                double k = f.smear() * (0.8 + 0.5 * Math.max(0, f.thickness()));
                // pale stains and bright lamps must not make a thin film read as glass
                k *= Math.max(1, f.smear() * minGreen / (k * film.g() + 1e-9));
                double p = f.smear() * f.precipitate();
                int idx = j * ni + i;
                lr[idx] = (float) (k * film.r() + p * haze.r());
                lg[idx] = (float) (k * film.g() + p * haze.g());
                lb[idx] = (float) (k * film.b() + p * haze.b());
            }
        }
        double[] rowR = new double[ni];
        double[] rowG = new double[ni];
        double[] rowB = new double[ni];
        for (int y = 0; y < h; y++) {
            long ay = y0 + y;
            int j = (int) (Math.floorDiv(ay, s) - j0);
            double fy = (ay + 0.5 - (j0 + j) * (double) s) / s;
            for (int i = 0; i < ni; i++) {
                int a = j * ni + i;
                rowR[i] = lr[a] + (lr[a + ni] - lr[a]) * fy;
                rowG[i] = lg[a] + (lg[a + ni] - lg[a]) * fy;
                rowB[i] = lb[a] + (lb[a + ni] - lb[a]) * fy;
            }
            // mottle: value noise, its lattice corners fetched once per noise cell along the row
            double gy = ay / MOTTLE_PX;
            double fgy = Math.floor(gy);
            int iy = (int) fgy;
            double ty = fade(gy - fgy);
            int cornerX = Integer.MIN_VALUE;
            double left = 0;
            double right = 0;
            int i = (int) (Math.floorDiv(x0, s) - i0);
            long cellStart = (i0 + i) * (long) s;
            for (int x = 0; x < w; x++) {
                long ax = x0 + x;
                if (ax - cellStart >= s) {
                    i++;
                    cellStart += s;
                }
                double fx = (ax + 0.5 - cellStart) / s;
                double r = rowR[i] + (rowR[i + 1] - rowR[i]) * fx;
                if (r <= 0) {
                    continue;
                }
                double g = rowG[i] + (rowG[i + 1] - rowG[i]) * fx;
                double b = rowB[i] + (rowB[i + 1] - rowB[i]) * fx;
                double gx = ax / MOTTLE_PX;
                double fgx = Math.floor(gx);
                int ix = (int) fgx;
                if (ix != cornerX) {
                    cornerX = ix;
                    double c00 = Noise.unit(Noise.hash(ix, iy, mottleSeed));
                    double c10 = Noise.unit(Noise.hash(ix + 1, iy, mottleSeed));
                    double c01 = Noise.unit(Noise.hash(ix, iy + 1, mottleSeed));
                    double c11 = Noise.unit(Noise.hash(ix + 1, iy + 1, mottleSeed));
                    left = c00 + (c01 - c00) * ty;
                    right = c10 + (c11 - c10) * ty;
                }
                double v = left + (right - left) * fade(gx - fgx);
                double m = MOTTLE_LOW + 2 * (1 - MOTTLE_LOW) * v;
                canvas.add(y * w + x, r * m, g * m, b * m);
            }
        }
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }
}
