package org.marrowscope.model;

import org.marrowscope.model.ModelManifest.Resampling;

/**
 * Separable image resizing with the semantics of PyTorch's
 * {@code F.interpolate(x, size, mode, align_corners=False, antialias=True)} (torchvision's
 * {@code Resize(antialias=True)} on float tensors, and PIL's filters): when shrinking, the filter is
 * stretched by the scale factor so every source pixel contributes (no aliasing of a 512-pixel tile
 * squeezed into 224); when enlarging it is the plain filter. Taps falling outside the image are dropped and
 * the remaining weights renormalised. Bicubic uses a = -0.5 (PIL's and PyTorch's antialiasing value).
 * {@code nearest} follows PyTorch's legacy nearest: source index floor(i * in / out).
 *
 * <p>Values are resized in float, before any quantisation, as in a tensor pipeline.
 */
final class Resampler {

    /**
     * Precomputed taps along one axis: output index i reads {@code count[i]} source indices from
     * {@code start[i]} with weights {@code weights[i * maxTaps + j]}.
     */
    record Kernel(int inSize, int outSize, int[] start, int[] count, float[] weights, int maxTaps) {}

    private Resampler() {}

    /** The taps for resizing an axis of {@code inSize} samples to {@code outSize}. */
    static Kernel kernel(int inSize, int outSize, Resampling mode) {
        if (inSize <= 0 || outSize <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + inSize + " -> " + outSize);
        }
        return mode == Resampling.NEAREST ? nearest(inSize, outSize) : filtered(inSize, outSize, mode);
    }

    private static Kernel nearest(int inSize, int outSize) {
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        float[] weights = new float[outSize];
        // PyTorch computes the scale and the product in float; doing the same picks the same pixels.
        float scale = (float) inSize / outSize;
        for (int i = 0; i < outSize; i++) {
            start[i] = Math.min((int) Math.floor(i * scale), inSize - 1);
            count[i] = 1;
            weights[i] = 1f;
        }
        return new Kernel(inSize, outSize, start, count, weights, 1);
    }

    private static Kernel filtered(int inSize, int outSize, Resampling mode) {
        double halfWidth = mode == Resampling.BICUBIC ? 2.0 : 1.0;
        double scale = (double) inSize / outSize;
        double support = scale >= 1.0 ? halfWidth * scale : halfWidth;
        double invScale = scale >= 1.0 ? 1.0 / scale : 1.0;
        int maxTaps = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        float[] weights = new float[outSize * maxTaps];
        double[] w = new double[maxTaps];
        for (int i = 0; i < outSize; i++) {
            double center = scale * (i + 0.5);
            int lo = Math.max((int) (center - support + 0.5), 0);
            int hi = Math.min((int) (center + support + 0.5), inSize);
            int n = Math.min(hi - lo, maxTaps);
            double total = 0;
            for (int j = 0; j < n; j++) {
                double x = (j + lo - center + 0.5) * invScale;
                w[j] = mode == Resampling.BICUBIC ? cubic(x) : triangle(x);
                total += w[j];
            }
            start[i] = lo;
            count[i] = n;
            for (int j = 0; j < n; j++) {
                weights[i * maxTaps + j] = (float) (total != 0 ? w[j] / total : 0);
            }
        }
        return new Kernel(inSize, outSize, start, count, weights, maxTaps);
    }

    private static double triangle(double x) {
        double a = Math.abs(x);
        return a < 1 ? 1 - a : 0;
    }

    private static double cubic(double x) {
        final double a = -0.5;
        double t = Math.abs(x);
        if (t < 1) {
            return ((a + 2) * t - (a + 3)) * t * t + 1;
        }
        if (t < 2) {
            return (((t - 5) * t + 8) * t - 4) * a;
        }
        return 0;
    }

    /**
     * Resizes one float plane (row-major, {@code width x height}) to {@code outWidth x outHeight}.
     * Grad-CAM uses it to bring a feature-map-sized heat map up to the tile.
     */
    static float[] resize(float[] plane, int width, int height, int outWidth, int outHeight, Resampling mode) {
        Kernel kx = kernel(width, outWidth, mode);
        Kernel ky = kernel(height, outHeight, mode);
        float[] rows = new float[outWidth * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < outWidth; x++) {
                float sum = 0;
                int base = x * kx.maxTaps();
                for (int j = 0, s = kx.start()[x]; j < kx.count()[x]; j++, s++) {
                    sum += kx.weights()[base + j] * plane[y * width + s];
                }
                rows[y * outWidth + x] = sum;
            }
        }
        float[] out = new float[outWidth * outHeight];
        verticalPass(rows, outWidth, ky, out, 0, 1f, 0f);
        return out;
    }

    /**
     * Vertical pass of a separable resize: resamples the columns of {@code rows} ({@code width} wide) along
     * {@code ky} and writes {@code (value - shift) * factor} into {@code out} from {@code offset}.
     */
    static void verticalPass(float[] rows, int width, Kernel ky, float[] out, int offset, float factor, float shift) {
        int taps = ky.maxTaps();
        for (int y = 0; y < ky.outSize(); y++) {
            int base = y * taps;
            int first = ky.start()[y];
            int n = ky.count()[y];
            int o = offset + y * width;
            for (int x = 0; x < width; x++) {
                out[o + x] = 0;
            }
            for (int j = 0; j < n; j++) {
                float w = ky.weights()[base + j];
                int r = (first + j) * width;
                for (int x = 0; x < width; x++) {
                    out[o + x] += w * rows[r + x];
                }
            }
            for (int x = 0; x < width; x++) {
                out[o + x] = (out[o + x] - shift) * factor;
            }
        }
    }
}
