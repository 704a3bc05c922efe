package org.marrowscope.train;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.marrowscope.model.ModelManifest.ChannelOrder;
import org.marrowscope.model.ModelManifest.Input;
import org.marrowscope.model.ModelManifest.Resampling;
import org.marrowscope.model.ModelManifest.Scale;
import org.marrowscope.model.TilePreprocessor;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.TileReader;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;

/**
 * Renders training tiles into a {@link CacheLayout}'s pictures the way inference sees tiles: the pipeline's
 * {@link TileReader} reads the footprint (with its context) at the model's scale, then the model's own
 * resampler ({@link TilePreprocessor}) shrinks it. Thread-safe.
 */
final class TileImages {

    private final CacheLayout layout;
    private final TilePreprocessor resizer;
    private final int modelTile;

    /**
     * @param layout the stored picture's geometry
     * @param resampling the model's resampling filter
     */
    TileImages(CacheLayout layout, Resampling resampling) {
        this.layout = layout;
        // Mean 0, std 1 on the 0..255 scale: the preprocessor then only resizes, and its output is the picture.
        this.resizer = new TilePreprocessor(new Input(layout.side(), 1.0, resampling, ChannelOrder.RGB, Scale.BYTE,
                List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0)));
        this.modelTile = PipelineSettings.PAPER.tilePixels();
    }

    CacheLayout layout() {
        return layout;
    }

    /** The picture of a slide tile: its footprint and context, read at the model's scale and resized. */
    byte[] render(Slide slide, TileSource.SlideTile t) throws SlideException {
        long region = Math.round(t.size() * layout.context());
        long x0 = t.x() + t.size() / 2 - region / 2;
        long y0 = t.y() + t.size() / 2 - region / 2;
        int pixels = (int) Math.round(modelTile * layout.context());
        // A reader whose "tile" is the footprint plus context, at the same level-0-per-model-pixel scale as the
        // pipeline's reader, so the same pyramid level and resizing are used.
        TileGeometry geometry = new TileGeometry(pixels, pixels, region, region);
        BufferedImage image = new TileReader(slide, geometry, PipelineSettings.PAPER.background(), null)
                .read(new Tile(0, 0, x0, y0, region));
        return toBytes(image);
    }

    /** The picture of a tile stored as a picture file: the whole picture is the footprint, context is white. */
    byte[] render(Path picture) throws IOException {
        BufferedImage read = ImageIO.read(picture.toFile());
        if (read == null) {
            throw new IOException(picture + " is not a picture Java can read (PNG, JPEG, TIFF, BMP)");
        }
        int w = read.getWidth();
        int h = read.getHeight();
        int cw = (int) Math.round(w * layout.context());
        int ch = (int) Math.round(h * layout.context());
        BufferedImage canvas = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, cw, ch);
            g.drawImage(read, (cw - w) / 2, (ch - h) / 2, null);
        } finally {
            g.dispose();
        }
        return toBytes(canvas);
    }

    private byte[] toBytes(BufferedImage image) {
        float[] planes = resizer.toTensor(List.of(image));
        int area = layout.side() * layout.side();
        byte[] out = new byte[area * 3];
        for (int i = 0; i < area; i++) {
            for (int c = 0; c < 3; c++) {
                out[3 * i + c] = (byte) Math.clamp(Math.round(planes[c * area + i]), 0, 255);
            }
        }
        return out;
    }

    /** A stored picture as an opaque RGB image. */
    static BufferedImage toImage(byte[] rgb, int side) {
        int[] px = new int[side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        image.getRaster().setDataElements(0, 0, side, side, px);
        return image;
    }
}
