package org.marrowscope.synth.smear;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import java.util.SplittableRandom;
import org.marrowscope.synth.cells.CellEnv;
import org.marrowscope.synth.cells.CellFactory;
import org.marrowscope.synth.cells.CellPainter;
import org.marrowscope.synth.cells.CellType;
import org.marrowscope.synth.cells.NucleatedCell;
import org.marrowscope.synth.cells.OdCanvas;
import org.marrowscope.synth.cells.StainPalette;

/**
 * Development tool: writes PNGs of sample regions so the renderer can be judged by eye. For each
 * class a GOOD 1024 x 1024 crop, a crop of each reject region type, a downsampled slide overview,
 * and all class crops side by side; prints the render speed.
 *
 * <p>Usage: {@code SmearPreview <folder> [seed] [slideWidth slideHeight]}
 */
public final class SmearPreview {

    private static final int CROP = 1024;

    private SmearPreview() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SmearPreview <folder> [seed] [slideWidth slideHeight]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        long width = args.length > 3 ? Long.parseLong(args[2]) : 20_000;
        long height = args.length > 3 ? Long.parseLong(args[3]) : 16_000;

        List<BufferedImage> classCrops = new ArrayList<>();
        for (SmearClass c : SmearClass.values()) {
            SmearRenderer r = new SmearRenderer(SmearSpec.of(c, seed + c.ordinal(), width, height));
            long[] at = find(r, QualityLabel.GOOD);
            BufferedImage img = crop(r, at[0], at[1], CROP, CROP);
            classCrops.add(img);
            write(img, out.resolve("good-" + c.label() + ".png"));
            CellCensus census = r.census(at[0], at[1], CROP, CROP);
            System.out.printf("%-8s burden %.2f  crop (%d,%d): %d nucleated, %.2f neoplastic, %d red cells%n",
                    c.label(), r.spec().tumourBurden(), at[0], at[1], census.nucleated(),
                    census.neoplasticFraction(), census.redCells());
        }
        write(sideBySide(classCrops, 0.5, 0), out.resolve("classes.png"));
        write(sideBySide(classCrops, 1.0, 400), out.resolve("classes-detail.png"));

        SmearRenderer aml = new SmearRenderer(SmearSpec.of(SmearClass.AML, seed, width, height));
        for (QualityLabel q : QualityLabel.values()) {
            if (q == QualityLabel.GOOD) {
                continue;
            }
            long[] at = find(aml, q);
            if (at != null) {
                write(crop(aml, at[0], at[1], CROP, CROP), out.resolve("reject-" + q.name().toLowerCase() + ".png"));
            } else {
                System.out.println("no " + q + " region found");
            }
        }
        write(overview(aml, 2000), out.resolve("overview.png"));
        write(gallery(StainVariation.REFERENCE), out.resolve("gallery.png"));
        speed(aml);
    }

    /** Top-left corner of the crop nearest the slide centre whose sample points are (nearly) all q, or null. */
    static long[] find(SmearRenderer r, QualityLabel q) {
        long[] best = null;
        int bestScore = 0;
        double bestDistance = Double.MAX_VALUE;
        for (long y = 0; y + CROP <= r.height(); y += CROP / 2) {
            for (long x = 0; x + CROP <= r.width(); x += CROP / 2) {
                int score = 0;
                for (int j = 0; j < 4; j++) {
                    for (int i = 0; i < 4; i++) {
                        if (r.qualityAt(x + (i * 2 + 1) * CROP / 8, y + (j * 2 + 1) * CROP / 8) == q) {
                            score++;
                        }
                    }
                }
                double distance = Math.hypot(x + CROP / 2.0 - r.width() / 2.0, y + CROP / 2.0 - r.height() / 2.0);
                if (score > bestScore || (score == bestScore && score > 0 && distance < bestDistance)) {
                    bestScore = score;
                    bestDistance = distance;
                    best = new long[] {x, y};
                }
            }
        }
        return best;
    }

    static BufferedImage crop(SmearRenderer r, long x, long y, int w, int h) {
        int[] rgb = new int[w * h];
        r.render(x, y, w, h, rgb);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        return img;
    }

    private static BufferedImage sideBySide(List<BufferedImage> crops, double scale, int centre) {
        int size = centre > 0 ? centre : (int) (CROP * scale);
        int gap = 8;
        int label = 28;
        BufferedImage img = new BufferedImage(crops.size() * (size + gap) - gap, size + label, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        for (int k = 0; k < crops.size(); k++) {
            BufferedImage c = crops.get(k);
            int x = k * (size + gap);
            if (centre > 0) {
                int o = (CROP - centre) / 2;
                g.drawImage(c.getSubimage(o, o, centre, centre), x, label, null);
            } else {
                g.drawImage(c, x, label, size, size, null);
            }
            g.setColor(Color.BLACK);
            g.drawString(SmearClass.values()[k].label(), x + 6, 21);
        }
        g.dispose();
        return img;
    }

    /**
     * Four examples of every nucleated cell type on clean film at 0.1 um/px, the scale of the
     * reference single-cell images, for judging morphology side by side with them.
     */
    static BufferedImage gallery(StainVariation stain) {
        int cell = 260;
        int n = 4;
        CellType[] types = CellType.values();
        int cols = 3;
        int rows = (types.length + cols - 1) / cols;
        int bw = n * cell;
        BufferedImage img = new BufferedImage(cols * bw, rows * (cell + 22), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        StainPalette p = stain.palette();
        CellEnv env = new CellEnv(10, 1.5, 1, 1, 1, p);
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < types.length; t++) {
            int ox = (t % cols) * bw;
            int oy = (t / cols) * (cell + 22);
            g.setColor(Color.BLACK);
            g.drawString(types[t].label(), ox + 4, oy + 16);
            int size = types[t] == CellType.MEGAKARYOCYTE ? cell * 2 : cell;
            double sizeDraw = types[t] == CellType.MEGAKARYOCYTE ? 0 : 0.5;
            for (int k = 0; k < (types[t] == CellType.MEGAKARYOCYTE ? 2 : n); k++) {
                OdCanvas canvas = new OdCanvas(0, 0, size, cell);
                NucleatedCell c = CellFactory.build(types[t], k % 2 == 1, size / 2.0, cell / 2.0,
                        sizeDraw, rng.nextLong(), env);
                CellPainter.paint(c, canvas);
                for (int y = 0; y < cell; y++) {
                    for (int x = 0; x < size; x++) {
                        int i = y * size + x;
                        int r = (int) (p.whiteR() * Math.exp(-canvas.red(i) - 0.07));
                        int gg = (int) (p.whiteG() * Math.exp(-canvas.green(i) - 0.12));
                        int b = (int) (p.whiteB() * Math.exp(-canvas.blue(i) - 0.1));
                        img.setRGB(ox + k * size + x, oy + 22 + y, r << 16 | gg << 8 | b);
                    }
                }
            }
        }
        g.dispose();
        return img;
    }

    /** Whole slide box-averaged down to about {@code target} pixels wide, tiles rendered in parallel. */
    static BufferedImage overview(SmearRenderer r, int target) throws Exception {
        int k = (int) Math.max(1, (r.width() + target - 1) / target);
        int ow = (int) (r.width() / k);
        int oh = (int) (r.height() / k);
        BufferedImage img = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int tile = 64 * k;
        try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int ty = 0; ty < oh; ty += 64) {
                for (int tx = 0; tx < ow; tx += 64) {
                    int fx = tx;
                    int fy = ty;
                    jobs.add(pool.submit(() -> {
                        int tw = Math.min(64, ow - fx);
                        int th = Math.min(64, oh - fy);
                        int[] rgb = new int[tile * tile];
                        r.render((long) fx * k, (long) fy * k, tw * k, th * k, rgb);
                        for (int y = 0; y < th; y++) {
                            for (int x = 0; x < tw; x++) {
                                img.setRGB(fx + x, fy + y, average(rgb, tw * k, x * k, y * k, k));
                            }
                        }
                    }));
                }
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        }
        return img;
    }

    private static int average(int[] rgb, int stride, int x0, int y0, int k) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = y0; y < y0 + k; y++) {
            for (int x = x0; x < x0 + k; x++) {
                int v = rgb[y * stride + x];
                r += v >> 16 & 0xff;
                g += v >> 8 & 0xff;
                b += v & 0xff;
            }
        }
        int n = k * k;
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    /** Single-thread render speed on GOOD smear, megapixels per second. */
    static double speed(SmearRenderer r) {
        long[] at = find(r, QualityLabel.GOOD);
        int size = 512;
        int[] rgb = new int[size * size];
        for (int i = 0; i < 6; i++) {
            r.render(at[0] + i * 64L, at[1], size, size, rgb);
        }
        long t0 = System.nanoTime();
        int n = 0;
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 4; i++) {
                r.render(at[0] + i * (long) size, at[1] + j * (long) size, size, size, rgb);
                n++;
            }
        }
        double mpx = n * (double) size * size / 1e6;
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("render speed: %.1f Mpx/s per thread (%d tiles of %dx%d in %.2f s)%n", mpx / s, n, size, size, s);
        return mpx / s;
    }

    private static void write(BufferedImage img, Path file) throws IOException {
        ImageIO.write(img, "png", file.toFile());
        System.out.println("wrote " + file);
    }
}
