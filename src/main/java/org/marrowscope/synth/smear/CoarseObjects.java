package org.marrowscope.synth.smear;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marrowscope.synth.cells.Adipocyte;
import org.marrowscope.synth.cells.CellFactory;
import org.marrowscope.synth.cells.CellType;
import org.marrowscope.synth.cells.Noise;
import org.marrowscope.synth.cells.NucleatedCell;

/**
 * Objects larger than a bucket: adipocytes (one possible per cell of a 60 um grid, so fat clusters
 * pack like bubbles) and megakaryocytes (one possible per 350 um grid cell). Each is a pure
 * function of its grid cell, so any region finds the same ones.
 */
final class CoarseObjects {

    private static final long SALT_FAT = 0xFA7L;
    private static final long SALT_MEGA = 0x3E6AL;
    private static final double FAT_GRID_UM = 60;
    private static final double MEGA_GRID_UM = 350;
    private static final double MEGA_RATE = 0.55;

    private final SlideContext ctx;
    private final int fatGrid;
    private final int megaGrid;
    private final double fatReach;
    private final double megaReach;

    CoarseObjects(SlideContext ctx) {
        this.ctx = ctx;
        this.fatGrid = (int) Math.round(FAT_GRID_UM * ctx.pxPerUm);
        this.megaGrid = (int) Math.round(MEGA_GRID_UM * ctx.pxPerUm);
        double maxFeather = ctx.maxFeather;
        this.fatReach = Adipocyte.maxReach(ctx.pxPerUm, maxFeather);
        this.megaReach = CellFactory.maxReach(CellType.MEGAKARYOCYTE, ctx.pxPerUm, maxFeather);
    }

    /** Largest distance from its centre at which a coarse object paints or excludes cells. */
    double reach() {
        return Math.max(fatReach, megaReach);
    }

    /** Coarse objects that may touch the box [x0, x1) x [y0, y1). */
    Set collect(SmearFields.Window w, double x0, double y0, double x1, double y1) {
        List<Adipocyte> fat = new ArrayList<>();
        for (long j = floorDiv(y0 - fatReach, fatGrid); j <= floorDiv(y1 + fatReach, fatGrid); j++) {
            for (long i = floorDiv(x0 - fatReach, fatGrid); i <= floorDiv(x1 + fatReach, fatGrid); i++) {
                Adipocyte a = adipocyte(w, i, j);
                if (a != null) {
                    fat.add(a);
                }
            }
        }
        List<NucleatedCell> megas = new ArrayList<>();
        for (long j = floorDiv(y0 - megaReach, megaGrid); j <= floorDiv(y1 + megaReach, megaGrid); j++) {
            for (long i = floorDiv(x0 - megaReach, megaGrid); i <= floorDiv(x1 + megaReach, megaGrid); i++) {
                NucleatedCell m = megakaryocyte(w, i, j);
                if (m != null) {
                    megas.add(m);
                }
            }
        }
        return new Set(fat, megas);
    }

    private static long floorDiv(double v, int grid) {
        return Math.floorDiv((long) Math.floor(v), grid);
    }

    private Adipocyte adipocyte(SmearFields.Window w, long i, long j) {
        SplittableRandom rng = new SplittableRandom(Noise.seed(ctx.spec.seed(), SALT_FAT, i, j));
        double cx = (i + 0.5 + 0.6 * (rng.nextDouble() - 0.5)) * fatGrid;
        double cy = (j + 0.5 + 0.6 * (rng.nextDouble() - 0.5)) * fatGrid;
        double u = rng.nextDouble();
        long seed = rng.nextLong();
        FieldSample f = w.sample(cx, cy);
        // fat cells keep to the fat clusters, so that the FAT label covers them
        if (f.smear() < 0.5 || u >= 0.95 * Noise.smoothstep(0.35, 0.65, f.fat())) {
            return null;
        }
        return Adipocyte.draw(cx, cy, seed, ctx.env(f));
    }

    private NucleatedCell megakaryocyte(SmearFields.Window w, long i, long j) {
        SplittableRandom rng = new SplittableRandom(Noise.seed(ctx.spec.seed(), SALT_MEGA, i, j));
        double inset = 0.5 * CellType.MEGAKARYOCYTE.maxDiameterUm() * ctx.pxPerUm;
        double cx = i * (double) megaGrid + inset + rng.nextDouble() * (megaGrid - 2 * inset);
        double cy = j * (double) megaGrid + inset + rng.nextDouble() * (megaGrid - 2 * inset);
        double u = rng.nextDouble();
        double size = rng.nextDouble();
        long seed = rng.nextLong();
        FieldSample f = w.sample(cx, cy);
        double rate = MEGA_RATE * Math.sqrt(ctx.population.density()) * f.smear() * (1 - f.fat());
        if (f.thickness() < FieldSample.SPARSE_BELOW || u >= rate) {
            return null;
        }
        return CellFactory.build(CellType.MEGAKARYOCYTE, false, cx, cy, size, seed, ctx.env(f));
    }

    /** The coarse objects near one render call. */
    record Set(List<Adipocyte> adipocytes, List<NucleatedCell> megakaryocytes) {

        /**
         * Whether a cell of radius r centred at (x, y) would sit in a fat vacuole (cells lie between
         * fat cells, not cut by them) or on a megakaryocyte.
         */
        boolean blocks(double x, double y, double r) {
            for (Adipocyte a : adipocytes) {
                if (a.outline().sd(x - a.cx(), y - a.cy()) < 0.7 * r) {
                    return true;
                }
            }
            for (NucleatedCell m : megakaryocytes) {
                if (m.cytoplasm().sd(x - m.cx(), y - m.cy()) < -0.4 * r) {
                    return true;
                }
            }
            return false;
        }
    }
}
