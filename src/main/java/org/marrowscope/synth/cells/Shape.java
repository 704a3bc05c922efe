package org.marrowscope.synth.cells;

import java.util.List;

/**
 * A cell part outline as an approximate signed distance in pixels (negative inside), relative to
 * the cell centre. Antialiased and blurred edges are both a ramp of this distance.
 */
public sealed interface Shape permits Shape.Oval, Shape.Lobes, Shape.Pair, Shape.Notched {

    double sd(double dx, double dy);

    /** Radius around the cell centre outside which {@link #sd} is positive. */
    double reach();

    /**
     * A rotated ellipse whose radius is modulated by harmonics 2, 3 and 5, the irregularity real
     * flattened cells and nuclei show. Harmonics come as cos/sin pairs so no trigonometry runs per
     * pixel.
     */
    record Oval(double ox, double oy, double radius, double cos, double sin, double stretch,
                double h2c, double h2s, double h3c, double h3s, double h5c, double h5s) implements Shape {

        @Override
        public double sd(double dx, double dy) {
            double x = dx - ox;
            double y = dy - oy;
            double u = (x * cos + y * sin) / stretch;
            double v = (y * cos - x * sin) * stretch;
            double r2 = u * u + v * v;
            if (r2 < 1e-12) {
                return -radius;
            }
            double r = Math.sqrt(r2);
            double c = u / r;
            double s = v / r;
            double c2 = c * c - s * s;
            double s2 = 2 * c * s;
            double c3 = c2 * c - s2 * s;
            double s3 = s2 * c + c2 * s;
            double c5 = c3 * c2 - s3 * s2;
            double s5 = s3 * c2 + c3 * s2;
            double rr = radius * (1 + h2c * c2 + h2s * s2 + h3c * c3 + h3s * s3 + h5c * c5 + h5s * s5);
            return r - rr;
        }

        @Override
        public double reach() {
            double h = Math.abs(h2c) + Math.abs(h2s) + Math.abs(h3c) + Math.abs(h3s) + Math.abs(h5c) + Math.abs(h5s);
            return Math.hypot(ox, oy) + radius * Math.max(stretch, 1 / stretch) * (1 + h);
        }
    }

    /** A capsule from (ax, ay) radius ra to (bx, by) radius rb: a lobe, a band segment, a filament. */
    record Capsule(double ax, double ay, double ra, double bx, double by, double rb) {

        double sd(double px, double py) {
            double ex = bx - ax;
            double ey = by - ay;
            double len2 = ex * ex + ey * ey;
            double t = len2 < 1e-9 ? 0 : ((px - ax) * ex + (py - ay) * ey) / len2;
            t = t < 0 ? 0 : (t > 1 ? 1 : t);
            double qx = px - ax - ex * t;
            double qy = py - ay - ey * t;
            return Math.sqrt(qx * qx + qy * qy) - (ra + (rb - ra) * t);
        }

        double reach() {
            return Math.max(Math.hypot(ax, ay) + ra, Math.hypot(bx, by) + rb);
        }
    }

    /**
     * Smooth union of capsules: segmented, band, kidney-shaped and multilobed nuclei.
     */
    record Lobes(List<Capsule> parts, double smooth) implements Shape {

        public Lobes {
            parts = List.copyOf(parts);
        }

        @Override
        public double sd(double dx, double dy) {
            double d = Double.MAX_VALUE;
            for (Capsule c : parts) {
                double e = c.sd(dx, dy);
                if (smooth > 0) {
                    double h = Math.max(smooth - Math.abs(d - e), 0) / smooth;
                    d = Math.min(d, e) - h * h * smooth * 0.25;
                } else {
                    d = Math.min(d, e);
                }
            }
            return d;
        }

        @Override
        public double reach() {
            double r = 0;
            for (Capsule c : parts) {
                r = Math.max(r, c.reach());
            }
            return r;
        }
    }

    /** Two separate nuclei (binucleate plasma cells). */
    record Pair(Shape a, Shape b) implements Shape {
        @Override
        public double sd(double dx, double dy) {
            return Math.min(a.sd(dx, dy), b.sd(dx, dy));
        }

        @Override
        public double reach() {
            return Math.max(a.reach(), b.reach());
        }
    }

    /** A shape with a disk bitten out of it: indented, cleaved and folded nuclei. */
    record Notched(Shape base, double nx, double ny, double r) implements Shape {
        @Override
        public double sd(double dx, double dy) {
            double x = dx - nx;
            double y = dy - ny;
            return Math.max(base.sd(dx, dy), r - Math.sqrt(x * x + y * y));
        }

        @Override
        public double reach() {
            return base.reach();
        }
    }
}
