package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Reinhard et al. (2001) colour transfer, as the paper used for its external dataset: convert to the
 * decorrelated l-alpha-beta space, match each channel's mean and standard deviation to a reference, and
 * convert back. Glass (near-white) pixels are left out of the statistics so empty areas do not dominate.
 *
 * @param targetMean l, alpha, beta means of the reference
 * @param targetStd l, alpha, beta standard deviations of the reference
 */
public record ReinhardNormaliser(double[] targetMean, double[] targetStd) {

    /** Pixels brighter than this in every channel are glass and do not count in the statistics. */
    static final int GLASS = 230;

    public ReinhardNormaliser {
        if (targetMean.length != 3 || targetStd.length != 3) {
            throw new IllegalArgumentException("Reinhard targets need 3 means and 3 standard deviations");
        }
        targetMean = targetMean.clone();
        targetStd = targetStd.clone();
    }

    /** The target as six numbers (three means, three standard deviations), as results record it. */
    public java.util.List<Double> asList() {
        return java.util.List.of(targetMean[0], targetMean[1], targetMean[2], targetStd[0], targetStd[1], targetStd[2]);
    }

    /** The normaliser a result recorded with {@link #asList()}; null for an empty list (no normalisation). */
    public static ReinhardNormaliser fromList(java.util.List<Double> target) {
        if (target == null || target.isEmpty()) {
            return null;
        }
        if (target.size() != 6) {
            throw new IllegalArgumentException("a Reinhard target has 6 numbers, got " + target.size());
        }
        return new ReinhardNormaliser(new double[] {target.get(0), target.get(1), target.get(2)},
                new double[] {target.get(3), target.get(4), target.get(5)});
    }

    /** Takes the target statistics from a reference image (e.g. a well-stained tile of the training data). */
    public static ReinhardNormaliser fromReference(BufferedImage reference) {
        double[][] stats = statistics(pixels(reference));
        return new ReinhardNormaliser(stats[0], stats[1]);
    }

    /** A normalised copy of {@code tile} (opaque RGB). */
    public BufferedImage apply(BufferedImage tile) {
        int[] src = pixels(tile);
        double[][] stats = statistics(src);
        BufferedImage out = new BufferedImage(tile.getWidth(), tile.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        double[] lab = new double[3];
        for (int i = 0; i < src.length; i++) {
            toLab(src[i], lab);
            for (int c = 0; c < 3; c++) {
                double sd = stats[1][c] > 1e-9 ? stats[1][c] : 1;
                lab[c] = (lab[c] - stats[0][c]) / sd * targetStd[c] + targetMean[c];
            }
            dst[i] = fromLab(lab);
        }
        return out;
    }

    static int[] pixels(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt d
                && d.getData().length == image.getWidth() * image.getHeight()) {
            return d.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Means (row 0) and standard deviations (row 1) of l, alpha, beta over non-glass pixels. */
    static double[][] statistics(int[] rgb) {
        double[] sum = new double[3];
        double[] sq = new double[3];
        double[] lab = new double[3];
        long n = 0;
        for (int p : rgb) {
            if (((p >>> 16) & 0xFF) > GLASS && ((p >>> 8) & 0xFF) > GLASS && (p & 0xFF) > GLASS) {
                continue;
            }
            toLab(p, lab);
            for (int c = 0; c < 3; c++) {
                sum[c] += lab[c];
                sq[c] += lab[c] * lab[c];
            }
            n++;
        }
        double[][] out = new double[2][3];
        if (n == 0) {
            return new double[][] {{0, 0, 0}, {1, 1, 1}};
        }
        for (int c = 0; c < 3; c++) {
            out[0][c] = sum[c] / n;
            out[1][c] = Math.sqrt(Math.max(0, sq[c] / n - out[0][c] * out[0][c]));
        }
        return out;
    }

    // RGB -> LMS -> log10 -> l-alpha-beta (Reinhard et al., 2001, eqs. 1-6).
    static void toLab(int rgb, double[] out) {
        double r = Math.max(1, (rgb >>> 16) & 0xFF);
        double g = Math.max(1, (rgb >>> 8) & 0xFF);
        double b = Math.max(1, rgb & 0xFF);
        double l = Math.log10(0.3811 * r + 0.5783 * g + 0.0402 * b);
        double m = Math.log10(0.1967 * r + 0.7244 * g + 0.0782 * b);
        double s = Math.log10(0.0241 * r + 0.1288 * g + 0.8444 * b);
        out[0] = (l + m + s) / Math.sqrt(3);
        out[1] = (l + m - 2 * s) / Math.sqrt(6);
        out[2] = (l - m) / Math.sqrt(2);
    }

    static int fromLab(double[] lab) {
        double a = lab[0] / Math.sqrt(3);
        double b = lab[1] / Math.sqrt(6);
        double c = lab[2] / Math.sqrt(2);
        double l = Math.pow(10, a + b + c);
        double m = Math.pow(10, a + b - c);
        double s = Math.pow(10, a - 2 * b);
        int r = clamp(4.4679 * l - 3.5873 * m + 0.1193 * s);
        int g = clamp(-1.2186 * l + 2.3809 * m - 0.1624 * s);
        int bl = clamp(0.0497 * l - 0.2439 * m + 1.2045 * s);
        return (r << 16) | (g << 8) | bl;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
