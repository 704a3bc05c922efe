package org.marrowscope.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.SlideLevel;

/**
 * An overview of the whole slide read from the pyramid (never from the label, macro or thumbnail images the
 * scanner stores, which may show the label). The smallest level that is still at least as detailed as the
 * thumbnail is read in strips and box-averaged down, so memory stays bounded whatever the slide's size.
 *
 * @param image the overview, opaque RGB
 * @param scale thumbnail pixels per level-0 pixel
 */
record Thumbnail(BufferedImage image, double scale) {

    private static final int STRIP = 1024;

    static Thumbnail read(Slide slide, int maxWidth, int maxHeight) throws SlideException {
        double downsample = Math.max(1.0, Math.max((double) slide.width() / maxWidth, (double) slide.height() / maxHeight));
        int width = (int) Math.max(1, Math.round(slide.width() / downsample));
        int height = (int) Math.max(1, Math.round(slide.height() / downsample));
        SlideLevel level = slide.level(slide.bestLevelForDownsample(downsample));
        // Source level pixel (lx, ly) lands on thumbnail pixel (lx * fx, ly * fy).
        double fx = (double) width / level.width();
        double fy = (double) height / level.height();
        long[] sums = new long[width * height * 3];
        int[] counts = new int[width * height];
        for (long top = 0; top < level.height(); top += STRIP) {
            int h = (int) Math.min(STRIP, level.height() - top);
            for (long left = 0; left < level.width(); left += STRIP) {
                int w = (int) Math.min(STRIP, level.width() - left);
                BufferedImage strip = slide.readRegion(level.index(), Math.round(left * level.downsample()),
                        Math.round(top * level.downsample()), w, h);
                accumulate(strip, left, top, fx, fy, width, height, sums, counts);
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < counts.length; i++) {
            int n = Math.max(1, counts[i]);
            int r = (int) (counts[i] == 0 ? 255 : sums[3 * i] / n);
            int g = (int) (counts[i] == 0 ? 255 : sums[3 * i + 1] / n);
            int b = (int) (counts[i] == 0 ? 255 : sums[3 * i + 2] / n);
            rgb[i] = r << 16 | g << 8 | b;
        }
        return new Thumbnail(out, (double) width / slide.width());
    }

    private static void accumulate(BufferedImage strip, long left, long top, double fx, double fy, int width, int height,
            long[] sums, int[] counts) {
        int w = strip.getWidth();
        int h = strip.getHeight();
        // Slides return TYPE_INT_RGB: read its array directly rather than pixel by pixel.
        int[] pixels = strip.getType() == BufferedImage.TYPE_INT_RGB
                ? ((DataBufferInt) strip.getRaster().getDataBuffer()).getData() : null;
        if (pixels == null || pixels.length != w * h) {
            pixels = strip.getRGB(0, 0, w, h, null, 0, w);
        }
        int[] column = new int[w];
        for (int x = 0; x < w; x++) {
            column[x] = (int) Math.min(width - 1, (long) ((left + x) * fx));
        }
        for (int y = 0; y < h; y++) {
            int ty = (int) Math.min(height - 1, (long) ((top + y) * fy));
            int base = ty * width;
            int rowStart = y * w;
            for (int x = 0; x < w; x++) {
                int i = base + column[x];
                int p = pixels[rowStart + x];
                sums[3 * i] += (p >> 16) & 0xFF;
                sums[3 * i + 1] += (p >> 8) & 0xFF;
                sums[3 * i + 2] += p & 0xFF;
                counts[i]++;
            }
        }
    }
}
