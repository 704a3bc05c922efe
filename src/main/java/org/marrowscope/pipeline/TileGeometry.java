package org.marrowscope.pipeline;

/**
 * How the paper's tiles (512 px at the model's scale, stride 256) map onto a slide's level-0 pixels.
 *
 * <p>The model was trained at {@code modelMpp} micrometres per pixel (0.25 for a 40x scan). A slide scanned
 * at another resolution gets a level-0 footprint of the same physical size, so a 20x scan (0.5 um/px) uses
 * 256x256 level-0 pixels per tile, resampled to 512x512 for the model.
 *
 * @param tilePixels model input edge in pixels (512)
 * @param stridePixels step between tiles at the model's scale (256)
 * @param footprint tile edge in level-0 pixels
 * @param step stride in level-0 pixels
 */
public record TileGeometry(int tilePixels, int stridePixels, long footprint, long step) {

    public TileGeometry {
        if (tilePixels <= 0 || stridePixels <= 0 || footprint <= 0 || step <= 0) {
            throw new IllegalArgumentException("tile geometry must be positive");
        }
    }

    /** Geometry for a slide at {@code slideMpp} um/px feeding a model trained at {@code modelMpp} um/px. */
    public static TileGeometry forScale(int tilePixels, int stridePixels, double modelMpp, double slideMpp) {
        if (!(modelMpp > 0) || !(slideMpp > 0)) {
            throw new IllegalArgumentException("microns per pixel must be positive (model " + modelMpp + ", slide " + slideMpp + ")");
        }
        double scale = modelMpp / slideMpp;
        long footprint = Math.max(1, Math.round(tilePixels * scale));
        long step = Math.max(1, Math.round(stridePixels * scale));
        return new TileGeometry(tilePixels, stridePixels, footprint, step);
    }

    /** Level-0 pixels per model pixel (1 when slide and model share a scale). */
    public double levelZeroPerModelPixel() {
        return (double) footprint / tilePixels;
    }

    public int columns(long slideWidth) {
        return slideWidth < footprint ? 0 : (int) ((slideWidth - footprint) / step + 1);
    }

    public int rows(long slideHeight) {
        return slideHeight < footprint ? 0 : (int) ((slideHeight - footprint) / step + 1);
    }

    /** Level-0 left edge of tile column {@code col}. */
    public long x(int col) {
        return col * step;
    }

    public long y(int row) {
        return row * step;
    }
}
