package org.marrowscope.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.marrowscope.colour.SaliencyScale;

/**
 * Heat maps drawn over images, blended into opaque pixels here rather than left to the viewer as transparency,
 * so every viewer and printer shows the same thing. Colours come from {@link SaliencyScale}, the scale the
 * screen uses too.
 */
final class HeatMaps {

    private HeatMaps() {
    }

    /**
     * {@code base} with {@code values} (row-major, {@code w x h}, in [0, 1], covering the same area) blended over
     * it, interpolated bilinearly to the base's size. Opacity grows with the value up to {@code maxOpacity},
     * reached at {@code fullAt}: where the map is near zero, the tissue shows unchanged.
     */
    static BufferedImage overlay(BufferedImage base, float[] values, int w, int h, double maxOpacity, double fullAt) {
        BufferedImage out = copy(base);
        int width = out.getWidth();
        int height = out.getHeight();
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            double v0 = Math.clamp((y + 0.5) * h / height - 0.5, 0.0, h - 1.0);
            int y0 = (int) v0;
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = v0 - y0;
            for (int x = 0; x < width; x++) {
                double u0 = Math.clamp((x + 0.5) * w / width - 0.5, 0.0, w - 1.0);
                int x0 = (int) u0;
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = u0 - x0;
                double top = values[y0 * w + x0] * (1 - fx) + values[y0 * w + x1] * fx;
                double bottom = values[y1 * w + x0] * (1 - fx) + values[y1 * w + x1] * fx;
                double v = top * (1 - fy) + bottom * fy;
                double a = maxOpacity * smoothstep(v / fullAt);
                if (a > 0) {
                    rgb[y * width + x] = blend(rgb[y * width + x], SaliencyScale.rgb(v), a);
                }
            }
        }
        return out;
    }

    /** A vertical colour bar, high values at the top. */
    static BufferedImage colourBar(int width, int height) {
        BufferedImage bar = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            int c = SaliencyScale.rgb(1.0 - (double) y / (height - 1));
            for (int x = 0; x < width; x++) {
                bar.setRGB(x, y, c);
            }
        }
        return bar;
    }

    /** A horizontal colour bar, high values at the right. */
    static BufferedImage horizontalColourBar(int width, int height) {
        BufferedImage bar = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            int c = SaliencyScale.rgb((double) x / (width - 1));
            for (int y = 0; y < height; y++) {
                bar.setRGB(x, y, c);
            }
        }
        return bar;
    }

    /** An opaque RGB copy of {@code image} at {@code width x height} (area-averaged when shrinking a lot). */
    static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage src = image;
        // Halve first while more than twice too big: one bilinear step would skip pixels and alias.
        while (src.getWidth() >= 2 * width && src.getHeight() >= 2 * height) {
            src = scaled(src, src.getWidth() / 2, src.getHeight() / 2);
        }
        return scaled(src, width, height);
    }

    static BufferedImage copy(BufferedImage image) {
        return scaled(image, image.getWidth(), image.getHeight());
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static double smoothstep(double t) {
        double x = Math.clamp(t, 0.0, 1.0);
        return x * x * (3 - 2 * x);
    }

    private static int blend(int under, int over, double a) {
        int r = (int) Math.round(((under >> 16) & 0xFF) * (1 - a) + ((over >> 16) & 0xFF) * a);
        int g = (int) Math.round(((under >> 8) & 0xFF) * (1 - a) + ((over >> 8) & 0xFF) * a);
        int b = (int) Math.round((under & 0xFF) * (1 - a) + (over & 0xFF) * a);
        return r << 16 | g << 8 | b;
    }
}
