package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.SlideLevel;

/**
 * A low-resolution map of where the smear is, used to rule out tiles that are certainly glass before stage 1
 * visits them. "Certainly" is strict: a tile is pruned only when every low-resolution pixel under it is glass
 * (all channels >= {@link #GLASS_MIN}, stricter than the corner rule's 235), so a pruned tile could not hold
 * the ten nucleated cells a good tile needs. Slides without a small enough level get no mask (nothing pruned).
 */
public final class TissueMask {

    /** A low-resolution pixel this bright in every channel is glass. */
    public static final int GLASS_MIN = 245;

    /** The coarsest level is used only if it has at most this many pixels. */
    static final long MAX_MASK_PIXELS = 16_000_000L;

    private final double downsample;
    private final int width;
    private final int height;
    /** Summed-area table of non-glass pixels, (width+1) x (height+1). */
    private final int[] integral;

    private TissueMask(double downsample, int width, int height, int[] integral) {
        this.downsample = downsample;
        this.width = width;
        this.height = height;
        this.integral = integral;
    }

    /** A mask that prunes nothing, for slides with no usable low-resolution level. */
    public static TissueMask none() {
        return new TissueMask(1, 0, 0, null);
    }

    /** Builds the mask from the coarsest level that is still finer than a tile's stride. */
    public static TissueMask of(Slide slide, TileGeometry geometry) throws SlideException {
        SlideLevel level = chooseLevel(slide, geometry);
        if (level == null) {
            return none();
        }
        BufferedImage image = slide.readRegion(level.index(), 0, 0, (int) level.width(), (int) level.height());
        return fromImage(image, level.downsample());
    }

    static TissueMask fromImage(BufferedImage rgbImage, double downsample) {
        int w = rgbImage.getWidth();
        int h = rgbImage.getHeight();
        int[] pixels = ((DataBufferInt) rgbImage.getRaster().getDataBuffer()).getData();
        int[] integral = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int rowSum = 0;
            for (int x = 0; x < w; x++) {
                rowSum += isGlass(pixels[y * w + x]) ? 0 : 1;
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + rowSum;
            }
        }
        return new TissueMask(downsample, w, h, integral);
    }

    private static SlideLevel chooseLevel(Slide slide, TileGeometry geometry) {
        SlideLevel best = null;
        for (SlideLevel level : slide.levels()) {
            boolean fineEnough = level.downsample() <= geometry.step() / 2.0;
            if (fineEnough && level.width() * level.height() <= MAX_MASK_PIXELS) {
                if (best == null || level.downsample() > best.downsample()) {
                    best = level;
                }
            }
        }
        return best;
    }

    static boolean isGlass(int rgb) {
        return ((rgb >>> 16) & 0xFF) >= GLASS_MIN && ((rgb >>> 8) & 0xFF) >= GLASS_MIN && (rgb & 0xFF) >= GLASS_MIN;
    }

    /** True when the tile's footprint is entirely glass at low resolution. */
    public boolean certainlyGlass(Tile tile) {
        if (integral == null) {
            return false;
        }
        int x0 = clamp((long) Math.floor(tile.x() / downsample), width);
        int y0 = clamp((long) Math.floor(tile.y() / downsample), height);
        int x1 = clamp((long) Math.ceil((tile.x() + tile.size()) / downsample), width);
        int y1 = clamp((long) Math.ceil((tile.y() + tile.size()) / downsample), height);
        if (x1 <= x0 || y1 <= y0) {
            return true;
        }
        int stride = width + 1;
        int tissue = integral[y1 * stride + x1] - integral[y0 * stride + x1] - integral[y1 * stride + x0]
                + integral[y0 * stride + x0];
        return tissue == 0;
    }

    private static int clamp(long v, int max) {
        return (int) Math.max(0, Math.min(max, v));
    }
}
