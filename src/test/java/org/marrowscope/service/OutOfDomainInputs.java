package org.marrowscope.service;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.marrowscope.TestData;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.smear.SmearRenderer;
import org.marrowscope.synth.smear.SmearSpec;

/**
 * Pictures that are not Wright-Giemsa bone marrow smears, or are given a wrong calibration, made in the test so
 * the out-of-domain set needs nothing outside the repository: the real H&E fixture, noise, gradients, clouds,
 * the app's icon, and synthetic smears recoloured to an H&E palette or to grey.
 */
public final class OutOfDomainInputs {

    private OutOfDomainInputs() {
    }

    /** A 2048 x 2048 field of a synthetic smear, as a camera on the microscope would give it (0.25 um/px). */
    public static BufferedImage smearField(SmearClass c, long seed) {
        SmearRenderer smear = new SmearRenderer(SmearSpec.of(c, seed, 7168, 5120));
        BufferedImage field = new BufferedImage(2048, 2048, BufferedImage.TYPE_INT_RGB);
        smear.render(2500, 1500, 2048, 2048, ((DataBufferInt) field.getRaster().getDataBuffer()).getData());
        return field;
    }

    /** The H&E section of the real CMU-1 fixture, level 0, as a PNG. */
    public static BufferedImage hematoxylinEosin() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("CMU-1-Small-Region.svs"))) {
            return slide.readRegion(0, 0, 0, (int) slide.width(), (int) slide.height());
        }
    }

    public static BufferedImage noise(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        return img;
    }

    public static BufferedImage gradient(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, new Color(80 + 150 * x / size, 60 + 120 * y / size, 200 - 100 * (x + y) / (2 * size))
                        .getRGB());
            }
        }
        return img;
    }

    /** Fractal value noise in purple and pink, a cloud that has a stain's colours but no cells. */
    public static BufferedImage clouds(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int cells = 65;
        double[][] lattice = new double[cells][cells];
        for (double[] row : lattice) {
            for (int i = 0; i < cells; i++) {
                row[i] = r.nextDouble();
            }
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = 0;
                double amp = 0.5;
                for (int o = 1; o <= 32; o *= 2) {
                    v += amp * smooth(lattice, (double) x / size * o + o, (double) y / size * o + o, cells);
                    amp /= 2;
                }
                float t = (float) Math.min(1, Math.max(0, v));
                img.setRGB(x, y, new Color(0.55f + 0.4f * t, 0.35f + 0.45f * t, 0.7f + 0.25f * t).getRGB());
            }
        }
        return img;
    }

    private static double smooth(double[][] l, double x, double y, int n) {
        int x0 = (int) x % (n - 1);
        int y0 = (int) y % (n - 1);
        double fx = x - Math.floor(x);
        double fy = y - Math.floor(y);
        double a = l[y0][x0] * (1 - fx) + l[y0][x0 + 1] * fx;
        double b = l[y0 + 1][x0] * (1 - fx) + l[y0 + 1][x0 + 1] * fx;
        return a * (1 - fy) + b * fy;
    }

    /** The same picture with H&E's palette: nuclei blue-purple, everything else pink. */
    public static BufferedImage hePalette(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                Color c = new Color(src.getRGB(x, y));
                float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
                // Rotate the hues by 150 degrees: Giemsa's blue cytoplasm and red cells turn to H&E-like pinks.
                out.setRGB(x, y, Color.HSBtoRGB((hsb[0] + 150f / 360) % 1, Math.min(1, hsb[1] * 1.3f), hsb[2]));
            }
        }
        return out;
    }

    public static BufferedImage grey(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                Color c = new Color(src.getRGB(x, y));
                int g = (int) Math.round(0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue());
                out.setRGB(x, y, new Color(g, g, g).getRGB());
            }
        }
        return out;
    }

    public static Path png(BufferedImage img, Path dir, String name) throws IOException {
        Path p = dir.resolve(name + ".png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
