package org.marrowscope.pipeline;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;

/** Reads tiles at the model's scale, and their corner pixels at level 0 for the background rule. */
public final class TileReader {

    private final Slide slide;
    private final TileGeometry geometry;
    private final BackgroundRule background;
    private final ReinhardNormaliser stain;

    /** @param stain colour normalisation applied to every tile read, or null for none */
    public TileReader(Slide slide, TileGeometry geometry, BackgroundRule background, ReinhardNormaliser stain) {
        this.slide = slide;
        this.geometry = geometry;
        this.background = background;
        this.stain = stain;
    }

    public Slide slide() {
        return slide;
    }

    public TileGeometry geometry() {
        return geometry;
    }

    /** The paper's corner rule on the level-0 corner pixels of the tile's footprint. */
    public boolean isBackground(Tile tile) throws SlideException {
        long last = tile.size() - 1;
        return background.isBackground(pixel(tile.x(), tile.y()), pixel(tile.x() + last, tile.y()),
                pixel(tile.x(), tile.y() + last), pixel(tile.x() + last, tile.y() + last));
    }

    private int pixel(long x, long y) throws SlideException {
        return slide.readRegion(0, x, y, 1, 1).getRGB(0, 0) & 0xFFFFFF;
    }

    /**
     * The tile as the model sees it: {@code tilePixels} square, read from the pyramid level closest to the
     * model's scale (never coarser), resampled when the scan's resolution differs from the model's, and
     * stain-normalised when that is switched on.
     */
    public BufferedImage read(Tile tile) throws SlideException {
        int level = slide.bestLevelForDownsample(geometry.levelZeroPerModelPixel());
        double ds = slide.level(level).downsample();
        int size = (int) Math.max(1, Math.round(tile.size() / ds));
        BufferedImage image = slide.readRegion(level, tile.x(), tile.y(), size, size);
        BufferedImage scaled = size == geometry.tilePixels() ? image : resize(image, geometry.tilePixels());
        return stain == null ? scaled : stain.apply(scaled);
    }

    /** Bilinear resampling, halving first when shrinking by more than 2x so no pixels are skipped. */
    static BufferedImage resize(BufferedImage source, int target) {
        BufferedImage current = source;
        while (current.getWidth() >= 2 * target) {
            current = scale(current, current.getWidth() / 2);
        }
        return current.getWidth() == target ? current : scale(current, target);
    }

    private static BufferedImage scale(BufferedImage source, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
