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
        if (!augmentation.resamples()) {
            return exact(stored, side, core, flipX, flipY, quarter);
        }
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
