package org.marrowscope.synth.smear;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marrowscope.synth.cells.CellEnv;
import org.marrowscope.synth.cells.CellFactory;
import org.marrowscope.synth.cells.CellType;
import org.marrowscope.synth.cells.Noise;
import org.marrowscope.synth.cells.RedCell;
import org.marrowscope.synth.cells.Speck;

/**
 * Decides where every cell is. The plane is cut into buckets; each bucket draws candidate cells
 * from a generator seeded by (slide seed, bucket), thinned to the local density the fields ask
 * for. Candidates that would overlap a higher-priority neighbour are dropped (a Matern type II
 * hard-core process), which needs only the candidates of adjacent buckets, so the result for a
 * bucket never depends on which region is being rendered.
 */
final class CellPlanner {

    private static final long SALT_NUCLEATED = 0x4E5543L;
    private static final long SALT_RED = 0x524243L;
    private static final long SALT_SPECK = 0x535045L;

    private final SlideContext ctx;
    private final CoarseObjects coarse;
    /** Largest radius of an ordinary nucleated cell and of a red cell, pixels: bounds for neighbour checks. */
    private final double maxCellRadius;
    private final double maxRedRadius;

    CellPlanner(SlideContext ctx) {
        this.ctx = ctx;
        this.coarse = new CoarseObjects(ctx);
        double d = 0;
        for (CellType t : CellType.values()) {
            if (t != CellType.MEGAKARYOCYTE) {
                d = Math.max(d, t.maxDiameterUm());
            }
        }
        this.maxCellRadius = 0.5 * d * ctx.pxPerUm;
        this.maxRedRadius = 0.5 * RedCell.MAX_DIAMETER_UM * ctx.pxPerUm;
    }

    CoarseObjects coarse() {
        return coarse;
    }

    /** A nucleated cell chosen to appear, before its morphology is built. */
    record Placement(CellType type, boolean neoplastic, double cx, double cy, double sizeDraw, long seed,
                     CellEnv env, double radius, double priority, double spacing) {}

    private record RedCandidate(double cx, double cy, double radius, double priority, double spacing,
                                double thick, long seed, CellEnv env) {}

    /** Everything centred in buckets [bx0, bx1] x [by0, by1]. */
    record Plan(SmearFields.Window window, CoarseObjects.Set coarse, List<Placement> nucleated,
                List<RedCell> redCells, List<Speck> platelets, List<Speck> precipitate) {}

    /** Plans the buckets whose objects can reach the region [x, x+w) x [y, y+h). */
    Plan plan(long x, long y, int w, int h) {
        int s = ctx.bucket;
        long bx0 = Math.floorDiv(x - s, s);
        long by0 = Math.floorDiv(y - s, s);
        long bx1 = Math.floorDiv(x + w - 1 + s, s);
        long by1 = Math.floorDiv(y + h - 1 + s, s);
        return planBuckets(bx0, by0, bx1, by1);
    }

    /** Plans the buckets [bx0, bx1] x [by0, by1], from the candidates of the buckets around them. */
    private Plan planBuckets(long bx0, long by0, long bx1, long by1) {
        int s = ctx.bucket;
        SmearFields.Window window = ctx.fields.window(bx0 - 2, by0 - 2, bx1 + 3, by1 + 3);
        CoarseObjects.Set near = coarse.collect(window, (bx0 - 2) * (double) s, (by0 - 2) * (double) s,
                (bx1 + 3) * (double) s, (by1 + 3) * (double) s);
        Grid<Placement> candidates = new Grid<>(bx0 - 2, by0 - 2, bx1 + 2, by1 + 2);
        candidates.fill((bx, by) -> nucleatedCandidates(window, near, bx, by));
        Grid<Placement> kept = new Grid<>(bx0 - 1, by0 - 1, bx1 + 1, by1 + 1);
        kept.fill((bx, by) -> hardCore(candidates, bx, by));
        List<Placement> nucleated = new ArrayList<>();
        kept.forEachIn(bx0, by0, bx1, by1, nucleated::add);
        Grid<RedCandidate> reds = new Grid<>(bx0 - 1, by0 - 1, bx1 + 1, by1 + 1);
        reds.fill((bx, by) -> redCandidates(window, near, bx, by));
        List<RedCell> redCells = new ArrayList<>();
        List<Speck> platelets = new ArrayList<>();
        List<Speck> precipitate = new ArrayList<>();
        for (long by = by0; by <= by1; by++) {
            for (long bx = bx0; bx <= bx1; bx++) {
                keptRedCells(reds, kept, bx, by, redCells);
                specks(window, bx, by, platelets, precipitate);
            }
        }
        return new Plan(window, near, nucleated, redCells, platelets, precipitate);
    }

    private List<Placement> nucleatedCandidates(SmearFields.Window w, CoarseObjects.Set near, long bx, long by) {
        int s = ctx.bucket;
        BucketFields fields = BucketFields.of(w, bx, by);
        double max = ctx.nucleatedDensity(fields.upperBound());
        SplittableRandom rng = new SplittableRandom(Noise.seed(ctx.spec.seed(), SALT_NUCLEATED, bx, by));
        int n = poisson(rng, max * s * s);
        List<Placement> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double fx = rng.nextDouble();
            double fy = rng.nextDouble();
            double accept = rng.nextDouble();
            boolean neoplastic = rng.nextDouble() < ctx.spec.tumourBurden();
            CellType type = neoplastic ? ctx.population.drawNeoplastic(rng) : ctx.population.drawNormal(rng);
            double size = rng.nextDouble();
            double priority = rng.nextDouble();
            long seed = rng.nextLong();
            FieldSample f = fields.at(fx, fy);
            if (accept * max >= ctx.nucleatedDensity(f)) {
                continue;
            }
            double cx = (bx + fx) * s;
            double cy = (by + fy) * s;
            CellEnv env = ctx.env(f);
            double radius = CellFactory.radius(type, size, env);
            if (near.blocks(cx, cy, radius)) {
                continue;
            }
            out.add(new Placement(type, neoplastic, cx, cy, size, seed, env, radius, priority,
                    SlideContext.spacing(f, ctx.population.spacing(), 0.25)));
        }
        return out;
    }

    private List<Placement> hardCore(Grid<Placement> candidates, long bx, long by) {
        List<Placement> out = new ArrayList<>();
        for (Placement c : candidates.get(bx, by)) {
            if (!beaten(candidates, bx, by, c)) {
                out.add(c);
            }
        }
        return out;
    }

    private boolean beaten(Grid<Placement> candidates, long bx, long by, Placement c) {
        double reach = c.spacing() * (c.radius() + maxCellRadius);
        for (long j = by - 1; j <= by + 1; j++) {
            for (long i = bx - 1; i <= bx + 1; i++) {
                if (farFrom(i, j, c.cx(), c.cy(), reach)) {
                    continue;
                }
                for (Placement o : candidates.get(i, j)) {
                    if (o.priority() <= c.priority()) {
                        continue;
                    }
                    double d = 0.5 * (c.spacing() + o.spacing()) * (c.radius() + o.radius());
                    if (closer(o.cx() - c.cx(), o.cy() - c.cy(), d)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private List<RedCandidate> redCandidates(SmearFields.Window w, CoarseObjects.Set near, long bx, long by) {
        int s = ctx.bucket;
        BucketFields fields = BucketFields.of(w, bx, by);
        double max = ctx.redDensity(fields.upperBound());
        SplittableRandom rng = new SplittableRandom(Noise.seed(ctx.spec.seed(), SALT_RED, bx, by));
        int n = poisson(rng, max * s * s);
        List<RedCandidate> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double fx = rng.nextDouble();
            double fy = rng.nextDouble();
            double accept = rng.nextDouble();
            double size = rng.nextDouble();
            double priority = rng.nextDouble();
            long seed = rng.nextLong();
            FieldSample f = fields.at(fx, fy);
            if (accept * max >= ctx.redDensity(f)) {
                continue;
            }
            double cx = (bx + fx) * s;
            double cy = (by + fy) * s;
            CellEnv env = ctx.env(f);
            double radius = 0.5 * (RedCell.MIN_DIAMETER_UM + size * (RedCell.MAX_DIAMETER_UM - RedCell.MIN_DIAMETER_UM))
                    * ctx.pxPerUm * env.sizeScale();
            if (near.blocks(cx, cy, radius)) {
                continue;
            }
            out.add(new RedCandidate(cx, cy, radius, priority, SlideContext.spacing(f, 0.8, 0.3), f.thickAmount(),
                    seed, env));
        }
        return out;
    }

    private void keptRedCells(Grid<RedCandidate> reds, Grid<Placement> nucleated, long bx, long by, List<RedCell> out) {
        for (RedCandidate c : reds.get(bx, by)) {
            if (!redBeaten(reds, nucleated, bx, by, c)) {
                out.add(RedCell.draw(c.cx(), c.cy(), c.radius(), c.seed(), c.env(), c.thick()));
            }
        }
    }

    private boolean redBeaten(Grid<RedCandidate> reds, Grid<Placement> nucleated, long bx, long by,
                              RedCandidate c) {
        double redReach = c.spacing() * (c.radius() + maxRedRadius);
        double cellReach = maxCellRadius + c.radius();
        for (long j = by - 1; j <= by + 1; j++) {
            for (long i = bx - 1; i <= bx + 1; i++) {
                if (farFrom(i, j, c.cx(), c.cy(), Math.max(redReach, cellReach))) {
                    continue;
                }
                for (RedCandidate o : reds.get(i, j)) {
                    if (o.priority() <= c.priority()) {
                        continue;
                    }
                    double d = 0.5 * (c.spacing() + o.spacing()) * (c.radius() + o.radius());
                    if (closer(o.cx() - c.cx(), o.cy() - c.cy(), d)) {
                        return true;
                    }
                }
                for (Placement o : nucleated.get(i, j)) {
                    // red cells may tuck under a nucleated cell's rim, but not much further
                    double d = (o.radius() + 0.6 * c.radius()) * (1 - 0.45 * c.thick());
                    if (closer(o.cx() - c.cx(), o.cy() - c.cy(), d)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether an offset (dx, dy) is shorter than {@code distance}. */
    private static boolean closer(double dx, double dy, double distance) {
        return dx * dx + dy * dy < distance * distance;
    }

    /** The field samples at a bucket's four corners; inside the bucket the fields are their bilinear blend. */
    private record BucketFields(FieldSample f00, FieldSample f10, FieldSample f01, FieldSample f11) {

        static BucketFields of(SmearFields.Window w, long bx, long by) {
            return new BucketFields(w.lattice(bx, by), w.lattice(bx + 1, by), w.lattice(bx, by + 1),
                    w.lattice(bx + 1, by + 1));
        }

        /**
         * Smear and thickness at their corner maxima. Densities grow with both, and a bilinear blend never exceeds
         * its corners, so a density computed from this bounds the density anywhere in the bucket (thinning needs a
         * bound).
         */
        FieldSample upperBound() {
            return new FieldSample(
                    Math.max(Math.max(f00.smear(), f10.smear()), Math.max(f01.smear(), f11.smear())),
                    Math.max(Math.max(f00.thickness(), f10.thickness()), Math.max(f01.thickness(), f11.thickness())),
                    0, 0, 0);
        }

        FieldSample at(double fx, double fy) {
            return FieldSample.bilerp(f00, f10, f01, f11, fx, fy);
        }
    }

    /** Whether bucket (i, j) lies farther than {@code reach} from the point (x, y). */
    private boolean farFrom(long i, long j, double x, double y, double reach) {
        int s = ctx.bucket;
        double dx = Math.max(0, Math.max(i * (double) s - x, x - (i + 1) * (double) s));
        double dy = Math.max(0, Math.max(j * (double) s - y, y - (j + 1) * (double) s));
        return dx * dx + dy * dy > reach * reach;
    }

    /** Platelets everywhere on the film, and stain precipitate in clustered grains where the field says. */
    private void specks(SmearFields.Window w, long bx, long by, List<Speck> platelets, List<Speck> precipitate) {
        int s = ctx.bucket;
        FieldSample centre = w.sample((bx + 0.5) * s, (by + 0.5) * s);
        if (centre.smear() <= 0.05) {
            return;
        }
        SplittableRandom rng = new SplittableRandom(Noise.seed(ctx.spec.seed(), SALT_SPECK, bx, by));
        double bucketUm2 = (s / ctx.pxPerUm) * (s / ctx.pxPerUm);
        int n = poisson(rng, centre.smear() * bucketUm2 / 1700.0);
        boolean clump = rng.nextDouble() < 0.04;
        double clumpX = rng.nextDouble();
        double clumpY = rng.nextDouble();
        if (clump) {
            n += 4 + rng.nextInt(8);
        }
        for (int k = 0; k < n; k++) {
            double fx = clump ? clampUnit(clumpX + 0.06 * rng.nextGaussian()) : rng.nextDouble();
            double fy = clump ? clampUnit(clumpY + 0.06 * rng.nextGaussian()) : rng.nextDouble();
            long seed = rng.nextLong();
            double px = (bx + fx) * s;
            double py = (by + fy) * s;
            platelets.add(Speck.platelet(px, py, seed, ctx.env(w.sample(px, py))));
        }
        double amount = centre.precipitate() * centre.smear();
        int grains = poisson(rng, (0.06 + Noise.smoothstep(0.3, 0.7, amount) * 260) * bucketUm2 / 1024);
        int clusters = 1 + rng.nextInt(4);
        double[] cx = new double[clusters];
        double[] cy = new double[clusters];
        for (int c = 0; c < clusters; c++) {
            cx[c] = rng.nextDouble();
            cy[c] = rng.nextDouble();
        }
        for (int k = 0; k < grains; k++) {
            int c = rng.nextInt(clusters);
            boolean loose = rng.nextDouble() < 0.35;
            double fx = loose ? rng.nextDouble() : clampUnit(cx[c] + 0.12 * rng.nextGaussian());
            double fy = loose ? rng.nextDouble() : clampUnit(cy[c] + 0.12 * rng.nextGaussian());
            double u = rng.nextDouble();
            // mostly fine grains, a tenth coarse crystalline lumps
            double radiusUm = u < 0.9 ? 0.15 + 0.4 * u : 0.6 + 10 * (u - 0.9);
            long seed = rng.nextLong();
            double px = (bx + fx) * s;
            double py = (by + fy) * s;
            precipitate.add(Speck.precipitate(px, py, Math.max(0.5, radiusUm * ctx.pxPerUm), seed,
                    ctx.env(w.sample(px, py))));
        }
    }

    private static double clampUnit(double v) {
        return v < 0 ? 0 : (v >= 1 ? 0.999999 : v);
    }

    /** Poisson draw; exact for small means, normal approximation for large ones. */
    static int poisson(SplittableRandom rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
