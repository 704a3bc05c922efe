package org.marrowscope.app;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.SlideLevel;

/** A small picture of the whole slide from its coarsest level, for the navigator and for painting while tiles load. */
public final class Thumbnails {

    /** The largest coarsest level read whole (beyond this a slide without a pyramid gets no thumbnail). */
    static final long MAX_SOURCE_PIXELS = 24_000_000L;

    private Thumbnails() {
    }

    /** The slide scaled to fit {@code maxEdge}, or null when the slide has no level small enough to read whole. */
    public static BufferedImage of(Slide slide, int maxEdge) throws SlideException {
        SlideLevel coarsest = slide.levels().getLast();
        if (coarsest.width() * coarsest.height() > MAX_SOURCE_PIXELS) {
            return null;
        }
        BufferedImage whole = slide.readRegion(coarsest.index(), 0, 0, (int) coarsest.width(), (int) coarsest.height());
        return fit(whole, maxEdge);
    }

    /** Scales down to fit {@code maxEdge}, halving first so no source pixel is skipped. */
    public static BufferedImage fit(BufferedImage source, int maxEdge) {
        BufferedImage current = source;
        while (Math.max(current.getWidth(), current.getHeight()) >= 2 * maxEdge) {
            current = scale(current, Math.max(1, current.getWidth() / 2), Math.max(1, current.getHeight() / 2));
        }
        double f = Math.min(1.0, (double) maxEdge / Math.max(current.getWidth(), current.getHeight()));
        if (f >= 1.0) {
            return current;
        }
        return scale(current, Math.max(1, (int) Math.round(current.getWidth() * f)),
                Math.max(1, (int) Math.round(current.getHeight() * f)));
    }

    private static BufferedImage scale(BufferedImage source, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
