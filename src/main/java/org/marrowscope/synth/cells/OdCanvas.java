package org.marrowscope.synth.cells;

/**
 * Absorbance accumulator for one region [x0, x0+w) x [y0, y0+h) of the level-0 plane. Painters add
 * to it in a fixed global order, so a pixel's sum does not depend on the region it is part of.
 */
public final class OdCanvas {

    private final long x0;
    private final long y0;
    private final int w;
    private final int h;
    final float[] r;
    final float[] g;
    final float[] b;

    public OdCanvas(long x0, long y0, int w, int h) {
        this.x0 = x0;
        this.y0 = y0;
        this.w = w;
        this.h = h;
        this.r = new float[w * h];
        this.g = new float[w * h];
        this.b = new float[w * h];
    }

    public long x0() {
        return x0;
    }

    public long y0() {
        return y0;
    }

    public int width() {
        return w;
    }

    public int height() {
        return h;
    }

    public void add(int index, double dr, double dg, double db) {
        r[index] += (float) dr;
        g[index] += (float) dg;
        b[index] += (float) db;
    }

    /** Scales the absorbance at a pixel (a fat vacuole clearing everything under it). */
    public void scale(int index, double k) {
        r[index] *= (float) k;
        g[index] *= (float) k;
        b[index] *= (float) k;
    }

    public float red(int index) {
        return r[index];
    }

    public float green(int index) {
        return g[index];
    }

    public float blue(int index) {
        return b[index];
    }

    /**
     * Clips the pixel box of a circle of radius {@code reach} around absolute (cx, cy) to this
     * canvas; returns {xs, xe, ys, ye} in canvas coordinates (end exclusive) or null if empty.
     */
    public int[] clip(double cx, double cy, double reach) {
        long xs = Math.max(x0, (long) Math.floor(cx - reach));
        long xe = Math.min(x0 + w, (long) Math.ceil(cx + reach) + 1);
        long ys = Math.max(y0, (long) Math.floor(cy - reach));
        long ye = Math.min(y0 + h, (long) Math.ceil(cy + reach) + 1);
        if (xs >= xe || ys >= ye) {
            return null;
        }
        return new int[] {(int) (xs - x0), (int) (xe - x0), (int) (ys - y0), (int) (ye - y0)};
    }
}
