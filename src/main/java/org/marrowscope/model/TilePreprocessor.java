package org.marrowscope.model;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;
import org.marrowscope.model.ModelManifest.ChannelOrder;
import org.marrowscope.model.ModelManifest.Input;
import org.marrowscope.model.ModelManifest.Scale;

/**
 * Turns tiles into a model's NCHW float32 input: resize to size x size with the bundle's resampling, map
 * pixels to the stated range, normalise with mean/std, in the stated channel order.
 *
 * <p>Works on packed int pixels straight into the float array: DJL's {@code Image}/{@code NDImageUtils}
 * route copies each tile through an HWC uint8 NDArray and does not antialias when shrinking; measured on 2
 * CPU cores it took 0.125 ms per 64-pixel tile against 0.037 ms here, and 2.3 ms against 1.2 ms for a
 * 512-pixel tile shrunk to 64. Alpha is ignored: callers composite tiles on white first.
 * Thread-safe (no state beyond the immutable recipe). Public because training and the benchmarks feed
 * models exactly what inference feeds them.
 */
public final class TilePreprocessor {

    private final int size;
    private final Input input;
    private final float[][] lut = new float[3][256];
    private final float[] factor = new float[3];
    private final float[] shift = new float[3];
    private final int[] plane = new int[3];

    public TilePreprocessor(Input input) {
        this.input = input;
        this.size = input.size();
        // c = 0, 1, 2 are the tile's R, G, B; plane[c] is where each goes in the tensor.
        boolean rgb = input.channelOrder() == ChannelOrder.RGB;
        plane[0] = rgb ? 0 : 2;
        plane[1] = 1;
        plane[2] = rgb ? 2 : 0;
        double toRange = input.scale() == Scale.UNIT ? 1.0 / 255.0 : 1.0;
        for (int c = 0; c < 3; c++) {
            // mean and std are listed in the tensor's channel order.
            double mean = input.mean().get(plane[c]);
            double std = input.std().get(plane[c]);
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (float) ((v * toRange - mean) / std);
            }
            // Resized values are still in 0..255: (v - shift) * factor == (v * toRange - mean) / std.
            factor[c] = (float) (toRange / std);
            shift[c] = (float) (mean / toRange);
        }
    }

    /** The model input size in pixels. */
    public int size() {
        return size;
    }

    /** Number of floats one tile takes: 3 x size x size. */
    public int tileLength() {
        return 3 * size * size;
    }

    /** The tiles as one NCHW float32 array of shape (tiles.size(), 3, size, size). */
    public float[] toTensor(List<BufferedImage> tiles) {
        float[] out = new float[tiles.size() * tileLength()];
        // Tiles write disjoint slices; resizing a 512-pixel tile costs about a millisecond, so spread them.
        IntStream.range(0, tiles.size()).parallel().forEach(n -> write(tiles.get(n), out, n * tileLength()));
        return out;
    }

    /** Writes one tile's 3 x size x size floats into {@code out} from {@code offset}. */
    void write(BufferedImage tile, float[] out, int offset) {
        int w = tile.getWidth();
        int h = tile.getHeight();
        int[] px = pixels(tile);
        int area = size * size;
        if (w == size && h == size) {
            int o0 = offset + plane[0] * area;
            int o1 = offset + plane[1] * area;
            int o2 = offset + plane[2] * area;
            for (int i = 0; i < area; i++) {
                int p = px[i];
                out[o0 + i] = lut[0][(p >> 16) & 0xff];
                out[o1 + i] = lut[1][(p >> 8) & 0xff];
                out[o2 + i] = lut[2][p & 0xff];
            }
            return;
        }
        Resampler.Kernel kx = Resampler.kernel(w, size, input.resampling());
        Resampler.Kernel ky = Resampler.kernel(h, size, input.resampling());
        float[][] rows = horizontalPass(px, w, h, kx);
        for (int c = 0; c < 3; c++) {
            Resampler.verticalPass(rows[c], size, ky, out, offset + plane[c] * area, factor[c], shift[c]);
        }
    }

    /** Resizes each row of the packed pixels to {@code size} columns, one float plane (0..255) per channel. */
    private float[][] horizontalPass(int[] px, int w, int h, Resampler.Kernel kx) {
        float[] r = new float[size * h];
        float[] g = new float[size * h];
        float[] b = new float[size * h];
        int taps = kx.maxTaps();
        int[] start = kx.start();
        int[] count = kx.count();
        float[] weights = kx.weights();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int o = y * size;
            for (int x = 0; x < size; x++) {
                float sr = 0;
                float sg = 0;
                float sb = 0;
                int base = x * taps;
                int s = row + start[x];
                for (int j = 0; j < count[x]; j++) {
                    int p = px[s + j];
                    float wt = weights[base + j];
                    sr += wt * ((p >> 16) & 0xff);
                    sg += wt * ((p >> 8) & 0xff);
                    sb += wt * (p & 0xff);
                }
                r[o + x] = sr;
                g[o + x] = sg;
                b[o + x] = sb;
            }
        }
        return new float[][] {r, g, b};
    }

    /** The tile's pixels as packed 0x??RRGGBB ints, row-major. */
    static int[] pixels(BufferedImage tile) {
        int w = tile.getWidth();
        int h = tile.getHeight();
        int type = tile.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            // The raster's packed ints already are 0x??RRGGBB; getDataElements copies them row by row
            // without the per-pixel colour conversion of getRGB and without un-managing the image.
            return (int[]) tile.getRaster().getDataElements(0, 0, w, h, new int[w * h]);
        }
        return tile.getRGB(0, 0, w, h, null, 0, w);
    }
}
