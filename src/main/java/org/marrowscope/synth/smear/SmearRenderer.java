package org.marrowscope.synth.smear;

import java.util.EnumMap;
import java.util.Map;
import org.marrowscope.synth.tiff.RegionRenderer;
import org.marrowscope.synth.cells.Adipocyte;
import org.marrowscope.synth.cells.CellFactory;
import org.marrowscope.synth.cells.CellPainter;
import org.marrowscope.synth.cells.CellType;
import org.marrowscope.synth.cells.Noise;
import org.marrowscope.synth.cells.NucleatedCell;
import org.marrowscope.synth.cells.OdCanvas;
import org.marrowscope.synth.cells.RedCell;
import org.marrowscope.synth.cells.Speck;

/**
 * Procedural Wright-Giemsa bone marrow aspirate smear. Every pixel is a pure function of the spec
 * and its absolute coordinates: a region is rendered from the buckets of cells that can reach it,
 * composited in absorbance space in a fixed global order, so regions of any size and on any thread
 * join without seams and no whole-slide state is ever held.
 */
public final class SmearRenderer implements RegionRenderer {

    /** Absorbance lookup resolution: steps per unit optical density, and the range covered. */
    private static final int OD_STEPS = 256;
    private static final int OD_MAX = 10;
    private static final int MOTTLE_SEED = 0x6D6F74;

    private final SmearSpec spec;
    private final SlideContext ctx;
    private final CellPlanner planner;
    private final float[] lutR;
    private final float[] lutG;
    private final float[] lutB;
    /** Sensor grain, a 256 x 256 pattern tiled over the plane at a per-slide offset. */
    private static final int[] GRAIN = grainPattern();
    private final int grainX;
    private final int grainY;

    public SmearRenderer(SmearSpec spec) {
        this.spec = spec;
        this.ctx = new SlideContext(spec);
        this.planner = new CellPlanner(ctx);
        this.lutR = lut(ctx.palette.whiteR());
        this.lutG = lut(ctx.palette.whiteG());
        this.lutB = lut(ctx.palette.whiteB());
        long g = Noise.mix(spec.seed() ^ 0x6A41_4E00L);
        this.grainX = (int) (g & 255);
        this.grainY = (int) ((g >>> 8) & 255);
    }

    private static int[] grainPattern() {
        int[] t = new int[256 * 256];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                t[y * 256 + x] = Noise.hash(x, y, 0x6A41);
            }
        }
        return t;
    }

    private static float[] lut(double white) {
        float[] t = new float[OD_STEPS * OD_MAX];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) (white * Math.exp(-(i + 0.5) / OD_STEPS));
        }
        return t;
    }

    public SmearSpec spec() {
        return spec;
    }

    @Override
    public long width() {
        return spec.width();
    }

    @Override
    public long height() {
        return spec.height();
    }

    @Override
    public void render(long x, long y, int w, int h, int[] rgb) {
        if (w <= 0 || h <= 0) {
            return;
        }
        if (rgb.length < (long) w * h) {
            throw new IllegalArgumentException("rgb holds " + rgb.length + " pixels, region needs " + (long) w * h);
        }
        CellPlanner.Plan plan = planner.plan(x, y, w, h);
        OdCanvas canvas = new OdCanvas(x, y, w, h);
        Background.paint(ctx, plan.window(), canvas, MOTTLE_SEED ^ (int) spec.seed());
        for (NucleatedCell m : plan.coarse().megakaryocytes()) {
            CellPainter.paint(m, canvas);
        }
        for (RedCell r : plan.redCells()) {
            r.paint(canvas);
        }
        for (Speck p : plan.platelets()) {
            p.paint(canvas);
        }
        for (CellPlanner.Placement p : plan.nucleated()) {
            CellPainter.paint(build(p), canvas);
        }
        for (Speck p : plan.precipitate()) {
            p.paint(canvas);
        }
        Adipocyte.paintAll(plan.coarse().adipocytes(), canvas);
        toRgb(canvas, rgb);
    }

    private static NucleatedCell build(CellPlanner.Placement p) {
        return CellFactory.build(p.type(), p.neoplastic(), p.cx(), p.cy(), p.sizeDraw(), p.seed(), p.env());
    }

    /** Beer-Lambert to 8-bit, with a little per-pixel sensor grain. */
    private void toRgb(OdCanvas c, int[] rgb) {
        int w = c.width();
        int limit = OD_STEPS * OD_MAX - 1;
        for (int j = 0; j < c.height(); j++) {
            int row = (int) ((c.y0() + j + grainY) & 255) << 8;
            int col = (int) ((c.x0() + grainX) & 255);
            for (int i = 0; i < w; i++) {
                int k = j * w + i;
                int g = GRAIN[row | ((col + i) & 255)];
                float noise = ((g & 0xff) - 127.5f) * (1.1f / 127.5f);
                int r = channel(lutR, c.red(k), limit, noise + (((g >>> 8) & 0xff) - 127.5f) * (0.5f / 127.5f));
                int gg = channel(lutG, c.green(k), limit, noise + (((g >>> 16) & 0xff) - 127.5f) * (0.5f / 127.5f));
                int b = channel(lutB, c.blue(k), limit, noise + ((g >>> 24) - 127.5f) * (0.5f / 127.5f));
                rgb[k] = r << 16 | gg << 8 | b;
            }
        }
    }

    private static int channel(float[] lut, float od, int limit, float noise) {
        int idx = (int) (od * OD_STEPS);
        idx = idx < 0 ? 0 : (idx > limit ? limit : idx);
        int v = (int) (lut[idx] + noise + 0.5f);
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    /** Ground-truth quality of the pixel (x, y), from the same fields that placed the cells. */
    public QualityLabel qualityAt(long x, long y) {
        return fieldsAt(x, y).label();
    }

    /** The low-frequency fields at pixel (x, y). */
    public FieldSample fieldsAt(long x, long y) {
        return ctx.fields.sample(x + 0.5, y + 0.5);
    }

    /**
     * Majority label over an 8 x 8 grid of points spread over the region; ties go to the label
     * listed first in {@link QualityLabel}.
     */
    public QualityLabel dominantQuality(long x, long y, int w, int h) {
        int s = ctx.bucket;
        // one lattice window per call: 64 samples share a few dozen lattice points
        SmearFields.Window window = ctx.fields.window(Math.floorDiv(x, s), Math.floorDiv(y, s),
                Math.floorDiv(x + w, s) + 1, Math.floorDiv(y + h, s) + 1);
        int[] votes = new int[QualityLabel.values().length];
        int n = 8;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                long px = x + (long) ((i + 0.5) * w / n);
                long py = y + (long) ((j + 0.5) * h / n);
                votes[window.sample(px + 0.5, py + 0.5).label().ordinal()]++;
            }
        }
        int best = 0;
        for (int k = 1; k < votes.length; k++) {
            if (votes[k] > votes[best]) {
                best = k;
            }
        }
        return QualityLabel.values()[best];
    }

    /** Cells whose centres lie in [x, x+w) x [y, y+h), exactly as rendered. */
    public CellCensus census(long x, long y, int w, int h) {
        CellPlanner.Plan plan = planner.plan(x, y, w, h);
        Map<CellType, Integer> byType = new EnumMap<>(CellType.class);
        int neoplastic = 0;
        for (CellPlanner.Placement p : plan.nucleated()) {
            if (inside(p.cx(), p.cy(), x, y, w, h)) {
                byType.merge(p.type(), 1, Integer::sum);
                if (p.neoplastic()) {
                    neoplastic++;
                }
            }
        }
        for (NucleatedCell m : plan.coarse().megakaryocytes()) {
            if (inside(m.cx(), m.cy(), x, y, w, h)) {
                byType.merge(CellType.MEGAKARYOCYTE, 1, Integer::sum);
            }
        }
        int red = 0;
        for (RedCell r : plan.redCells()) {
            if (inside(r.cx(), r.cy(), x, y, w, h)) {
                red++;
            }
        }
        return new CellCensus(byType, neoplastic, red);
    }

    private static boolean inside(double cx, double cy, long x, long y, int w, int h) {
        return cx >= x && cx < x + w && cy >= y && cy < y + h;
    }
}
