package org.marrowscope.synth.cells;

import static org.marrowscope.synth.cells.Noise.clamp01;
import static org.marrowscope.synth.cells.Noise.smoothstep;

import org.marrowscope.synth.cells.NucleatedCell.Chromatin;
import org.marrowscope.synth.cells.NucleatedCell.Granules;
import org.marrowscope.synth.cells.NucleatedCell.Rod;
import org.marrowscope.synth.cells.NucleatedCell.Spot;

/**
 * Paints a nucleated cell into an absorbance canvas, pixel by pixel over its bounding box. All
 * texture is sampled at absolute pixel centres, so a cell cut by region borders joins seamlessly.
 */
public final class CellPainter {

    private CellPainter() {}

    public static void paint(NucleatedCell c, OdCanvas canvas) {
        double reach = c.reach();
        int[] box = canvas.clip(c.cx(), c.cy(), reach);
        if (box == null) {
            return;
        }
        double reach2 = reach * reach;
        double f = c.feather();
        double sharp = c.sharpness();
        Shape cyto = c.cytoplasm();
        Shape nuc = c.nucleus();
        Chromatin chrom = c.chromatin();
        Granules gran = c.granules();
        Od cOd = c.cytoplasmOd();
        Od nOd = c.nucleusOd();
        Od gOd = gran.od();
        Od dOd = gran.dustOd();
        boolean hasGranules = gran.prob() > 0;
        boolean hasDust = gran.dust() > 0;
        boolean hasHalo = c.haloStrength() > 0 && c.halo().r() > 0;
        Spot[] nucleoli = c.nucleoli().toArray(new Spot[0]);
        Spot[] vacuoles = c.vacuoles().toArray(new Spot[0]);
        Rod[] rods = c.auerRods().toArray(new Rod[0]);
        double nucleusReach = nuc.reach() + NucleatedCell.RAGGED_REACH * chrom.ragged() + f + 1;
        double nucleusReach2 = nucleusReach * nucleusReach;
        double rimWidth = 2.5 + f;
        double granuleFeather = 0.8 + (f - 1) * 0.8;
        int w = canvas.width();
        for (int y = box[2]; y < box[3]; y++) {
            double ay = canvas.y0() + y + 0.5;
            double dy = ay - c.cy();
            for (int x = box[0]; x < box[1]; x++) {
                double ax = canvas.x0() + x + 0.5;
                double dx = ax - c.cx();
                if (dx * dx + dy * dy > reach2) {
                    continue;
                }
                double sdC = cyto.sd(dx, dy);
                double cc = clamp01(0.5 - sdC / f);
                double sdN = Double.MAX_VALUE;
                double nc = 0;
                if (dx * dx + dy * dy < nucleusReach2) {
                    sdN = nuc.sd(dx, dy);
                    if (chrom.ragged() > 0) {
                        // frayed at two scales: lobulated tears and fine strands
                        double coarse = Noise.value(ax / (chrom.fineScale() * 2.5), ay / (chrom.fineScale() * 2.5), c.seed() + 11);
                        double fine = Noise.value(ax / chrom.fineScale(), ay / chrom.fineScale(), c.seed() + 12);
                        sdN += chrom.ragged() * ((coarse - 0.5) * 2.4 + (fine - 0.5) * 0.8);
                    }
                    nc = clamp01(0.5 - sdN / f);
                }
                if (cc <= 0 && nc <= 0) {
                    continue;
                }
                double odR = 0;
                double odG = 0;
                double odB = 0;
                double granuleCover = 0;
                if (hasGranules) {
                    granuleCover = sharp * Noise.dot(ax, ay, gran.cell(), gran.prob(), gran.radius(), granuleFeather, c.seed() + 3);
                }
                if (cc > 0 && nc < 1) {
                    double k = 1 + c.rim() * (1 - smoothstep(0, rimWidth, -sdC));
                    if (c.mottle() > 0) {
                        k += c.mottle() * sharp * (Noise.value(ax / 4.0, ay / 4.0, c.seed() + 5) - 0.5) * 2;
                    }
                    if (hasHalo) {
                        Spot h = c.halo();
                        double d = len(dx - h.x(), dy - h.y());
                        k *= 1 - c.haloStrength() * (1 - smoothstep(h.r() * 0.45, h.r(), d));
                    }
                    if (vacuoles.length > 0) {
                        k *= clearance(vacuoles, dx, dy, f);
                    }
                    double wc = cc * (1 - nc);
                    odR += wc * k * cOd.r();
                    odG += wc * k * cOd.g();
                    odB += wc * k * cOd.b();
                    if (granuleCover > 0) {
                        odR += wc * granuleCover * gOd.r();
                        odG += wc * granuleCover * gOd.g();
                        odB += wc * granuleCover * gOd.b();
                    }
                    if (hasDust) {
                        double n = Noise.value(ax / 1.4, ay / 1.4, c.seed() + 7);
                        double dust = wc * gran.dust() * (0.4 + sharp * (n - 0.5) * 1.6);
                        odR += dust * dOd.r();
                        odG += dust * dOd.g();
                        odB += dust * dOd.b();
                    }
                }
                if (nc > 0) {
                    double dens = chromatinDensity(chrom, ax, ay, sdN, sharp, c.seed());
                    double nr = nOd.r() * dens;
                    double ng = nOd.g() * dens;
                    double nb = nOd.b() * dens;
                    for (Spot s : nucleoli) {
                        double d = len(dx - s.x(), dy - s.y());
                        double m = 1 - smoothstep(s.r() - 0.8 - 0.5 * f, s.r() + 0.8 + 0.5 * f, d);
                        if (m > 0) {
                            Od no = c.nucleolusOd();
                            nr += m * (no.r() - nr);
                            ng += m * (no.g() - ng);
                            nb += m * (no.b() - nb);
                        }
                    }
                    odR += nc * nr;
                    odG += nc * ng;
                    odB += nc * nb;
                    if (granuleCover > 0 && gran.overNucleus() > 0) {
                        double k = nc * gran.overNucleus() * granuleCover;
                        odR += k * gOd.r();
                        odG += k * gOd.g();
                        odB += k * gOd.b();
                    }
                }
                for (Rod rod : rods) {
                    double d = segmentDistance(rod, dx, dy) - rod.halfWidth();
                    double m = clamp01(0.5 - d / (0.7 + 0.5 * (f - 1))) * Math.max(cc, nc);
                    if (m > 0) {
                        odR += m * c.rodOd().r();
                        odG += m * c.rodOd().g();
                        odB += m * c.rodOd().b();
                    }
                }
                canvas.add(y * w + x, odR, odG, odB);
            }
        }
    }

    /** Chromatin density at an absolute point: fine granularity, clumps with pale streaks, membrane rim. */
    private static double chromatinDensity(Chromatin ch, double ax, double ay, double sdN, double sharp, int seed) {
        double tx = ax;
        double ty = ay;
        if (ch.streak() != 1) {
            tx = (ax * ch.streakCos() + ay * ch.streakSin()) / ch.streak();
            ty = ay * ch.streakCos() - ax * ch.streakSin();
        }
        double t = 0;
        if (ch.fineAmp() > 0) {
            t += ch.fineAmp() * (Noise.value(tx / ch.fineScale(), ty / ch.fineScale(), seed + 13) - 0.5) * 2;
        }
        if (ch.clumpAmp() > 0) {
            double gx = tx / ch.clumpScale();
            double gy = ty / ch.clumpScale();
            // domain-warped two-octave noise, thresholded: irregular dark blocks with pale gaps
            double warp = 0.8 * Noise.value(gx * 0.7, gy * 0.7, seed + 23);
            double wx = gx + warp;
            double wy = gy - warp;
            double n = 0.65 * Noise.value(wx, wy, seed + 17) + 0.35 * Noise.value(wx * 2.3, wy * 2.3, seed + 19);
            t += ch.clumpAmp() * (2 * smoothstep(0.5 - ch.crack(), 0.5 + ch.crack(), n) - 1);
        }
        double rim = ch.rimDark() * (1 - smoothstep(0, 3.0, -sdN));
        return ch.density() * (1 + sharp * t + rim);
    }

    /** Fraction of cytoplasm colour left after clear vacuoles. */
    private static double clearance(Spot[] vacuoles, double dx, double dy, double f) {
        double k = 1;
        for (Spot v : vacuoles) {
            double d = len(dx - v.x(), dy - v.y());
            k *= 1 - 0.85 * (1 - smoothstep(v.r() - 0.5 * f, v.r() + 0.5 * f, d));
        }
        return k;
    }

    private static double len(double x, double y) {
        return Math.sqrt(x * x + y * y);
    }

    private static double segmentDistance(Rod r, double px, double py) {
        double ex = r.bx() - r.ax();
        double ey = r.by() - r.ay();
        double len2 = ex * ex + ey * ey;
        double t = len2 < 1e-9 ? 0 : ((px - r.ax()) * ex + (py - r.ay()) * ey) / len2;
        t = t < 0 ? 0 : (t > 1 ? 1 : t);
        double qx = px - r.ax() - ex * t;
        double qy = py - r.ay() - ey * t;
        return Math.sqrt(qx * qx + qy * qy);
    }
}
