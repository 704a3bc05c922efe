package org.marrowscope.viewer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns slide regions and rasters into JavaFX images, off the FX thread (images not yet shown may be built anywhere). */
public final class FxImages {

    private FxImages() {
    }

    /** An opaque JavaFX copy of an RGB image. */
    public static WritableImage toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb;
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                && db.getNumBanks() == 1 && image.getRaster().getSampleModelTranslateX() == 0
                && db.getData().length == w * h) {
            argb = db.getData().clone();
        } else {
            argb = image.getRGB(0, 0, w, h, null, 0, w);
        }
        for (int i = 0; i < argb.length; i++) {
            argb[i] |= 0xFF000000;
        }
        return fromArgb(argb, w, h);
    }

    /** A JavaFX image from non-premultiplied 0xAARRGGBB pixels, row-major. */
    public static WritableImage fromArgb(int[] argb, int width, int height) {
        WritableImage out = new WritableImage(width, height);
        out.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return out;
    }

    /** Bytes a decoded image holds (4 per pixel), what the tile cache counts. */
    public static long weight(Image image) {
        return (long) image.getWidth() * (long) image.getHeight() * 4L;
    }
}
