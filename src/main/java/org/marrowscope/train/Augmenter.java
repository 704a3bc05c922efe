package org.marrowscope.train;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Applies an {@link Augmentation} to a cached picture and returns the tile's footprint, {@code core} pixels
 * square, ready for the model's preprocessing. Free rotation and zoom resample bilinearly (Java 2D) from the
 * stored context; flips and quarter turns move pixels exactly. Without augmentation the footprint is a plain
 * crop. Thread-safe; all randomness comes from the generator passed in, so a seed fixes every tile.
 */
final class Augmenter {

    private final CacheLayout layout;
    private final Augmentation augmentation;

    Augmenter(CacheLayout layout, Augmentation augmentation) {
        // The output's corners must come from stored pixels: at 45 degrees and the smallest zoom the footprint's
        // half-diagonal, sqrt(2) / zoomMin footprint half-edges, must fit in the stored picture.
        double needed = (augmentation.rotation() ? Math.sqrt(2) : 1) / augmentation.zoomMin();
        if (augmentation.resamples() && layout.context() < needed - 1e-9) {
            throw new IllegalArgumentException(augmentation.describe() + " needs stored context of at least "
                    + String.format(java.util.Locale.ROOT, "%.3f", needed) + " times the tile, the layout has "
                    + String.format(java.util.Locale.ROOT, "%.3f", layout.context()));
        }
        this.layout = layout;
        this.augmentation = augmentation;
    }

    /** The augmented footprint of a stored picture. */
    BufferedImage apply(byte[] stored, SplittableRandom random) {
        int side = layout.side();
        int core = layout.core();
        boolean flipX = augmentation.flips() && random.nextBoolean();
        boolean flipY = augmentation.flips() && random.nextBoolean();
        int quarter = augmentation.quarterTurns() ? random.nextInt(4) : 0;
        double angle = augmentation.rotation() ? random.nextDouble() * 2 * Math.PI : 0;
        double zoom = augmentation.zoomMin() + random.nextDouble() * (augmentation.zoomMax() - augmentation.zoomMin());
        boolean colour = augmentation.colourJitter() > 0 || augmentation.hueJitter() > 0;
        double brightness = jitterFactor(random);
        double contrast = jitterFactor(random);
        double saturation = jitterFactor(random);
        double hue = augmentation.hueJitter() * (2 * random.nextDouble() - 1);
        BufferedImage out = augmentation.resamples()
                ? resampled(stored, side, core, flipX, flipY, quarter, angle, zoom)
                : exact(stored, side, core, flipX, flipY, quarter);
        if (colour) {
            jitter(out, brightness, contrast, saturation, hue);
        }
        return out;
    }

    private double jitterFactor(SplittableRandom random) {
        return 1 + augmentation.colourJitter() * (2 * random.nextDouble() - 1);
    }

    /**
     * Brightness (all channels scaled), contrast (distance from the tile's mean grey scaled), saturation
     * (distance from each pixel's grey scaled) and hue (rotation about the grey axis, which keeps each pixel's
     * grey level), in that order, clamped to 0..255.
     */
    static void jitter(BufferedImage image, double brightness, double contrast, double saturation, double hueDegrees) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = (int[]) image.getRaster().getDataElements(0, 0, w, h, new int[w * h]);
        double[] m = hueRotation(hueDegrees);
        double mean = 0;
        for (int p : px) {
            mean += grey(p);
        }
        mean = brightness * mean / px.length;
        for (int i = 0; i < px.length; i++) {
            double r = brightness * ((px[i] >> 16) & 0xFF);
            double g = brightness * ((px[i] >> 8) & 0xFF);
            double b = brightness * (px[i] & 0xFF);
            r = mean + contrast * (r - mean);
            g = mean + contrast * (g - mean);
            b = mean + contrast * (b - mean);
            double y = 0.299 * r + 0.587 * g + 0.114 * b;
            r = y + saturation * (r - y);
            g = y + saturation * (g - y);
            b = y + saturation * (b - y);
            px[i] = clamp(m[0] * r + m[1] * g + m[2] * b) << 16 | clamp(m[3] * r + m[4] * g + m[5] * b) << 8
                    | clamp(m[6] * r + m[7] * g + m[8] * b);
        }
        image.getRaster().setDataElements(0, 0, w, h, px);
    }

    /** Rotation by {@code degrees} about the (1,1,1) axis (Rodrigues), row-major 3x3. */
    static double[] hueRotation(double degrees) {
        double a = Math.toRadians(degrees);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double k = 1 / 3.0;
        double q = Math.sqrt(k);
        return new double[] {
            c + k * (1 - c), k * (1 - c) - q * s, k * (1 - c) + q * s,
            k * (1 - c) + q * s, c + k * (1 - c), k * (1 - c) - q * s,
            k * (1 - c) - q * s, k * (1 - c) + q * s, c + k * (1 - c)};
    }

    private static double grey(int p) {
        return 0.299 * ((p >> 16) & 0xFF) + 0.587 * ((p >> 8) & 0xFF) + 0.114 * (p & 0xFF);
    }

    private static int clamp(double v) {
        return (int) Math.clamp(Math.round(v), 0, 255);
    }

    private static BufferedImage resampled(byte[] stored, int side, int core, boolean flipX, boolean flipY, int quarter,
            double angle, double zoom) {
        BufferedImage source = TileImages.toImage(stored, side);
        // Source (stored picture) to output (footprint): centre on the origin, rotate, zoom and flip, re-centre.
        AffineTransform t = new AffineTransform();
        t.translate(core / 2.0, core / 2.0);
        t.scale(flipX ? -zoom : zoom, flipY ? -zoom : zoom);
        t.rotate(angle + quarter * Math.PI / 2);
        t.translate(-side / 2.0, -side / 2.0);
        BufferedImage out = new BufferedImage(core, core, BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_BILINEAR).filter(source, out);
        return out;
    }

    /** Crop of the footprint with exact flips and quarter turns (pixel moves only). */
    private static BufferedImage exact(byte[] stored, int side, int core, boolean flipX, boolean flipY, int quarter) {
        int margin = (side - core) / 2;
        int[] px = new int[core * core];
        int last = core - 1;
        for (int v = 0; v < core; v++) {
            for (int u = 0; u < core; u++) {
                // Output (u, v) takes source (su, sv) of the footprint: undo the quarter turn, then the flips.
                int su;
                int sv;
                switch (quarter) {
                    case 1 -> { su = v; sv = last - u; }
                    case 2 -> { su = last - u; sv = last - v; }
                    case 3 -> { su = last - v; sv = u; }
                    default -> { su = u; sv = v; }
                }
                if (flipX) {
                    su = last - su;
                }
                if (flipY) {
                    sv = last - sv;
                }
                int s = 3 * ((sv + margin) * side + su + margin);
                px[v * core + u] = (stored[s] & 0xFF) << 16 | (stored[s + 1] & 0xFF) << 8 | (stored[s + 2] & 0xFF);
            }
        }
        BufferedImage out = new BufferedImage(core, core, BufferedImage.TYPE_INT_RGB);
        out.getRaster().setDataElements(0, 0, core, core, px);
        return out;
    }
}
