package org.marrowscope.slide;

import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageReader;
import org.marrowscope.slide.SlideException.Kind;

/**
 * Memory a plain picture needs before it is decoded: the decoder's own raster (bands x bytes per sample, e.g. 8
 * bytes a pixel for 16-bit RGBA) plus the 4-byte RGB copy the slide keeps. A 2.3 MB PNG can expand to gigabytes;
 * asking first turns an OutOfMemoryError into a message with both numbers.
 */
final class DecodeMemory {

    /** Share of the free heap one picture may take; the rest is for tiles, models and the copy being made. */
    static final double SHARE = 0.6;

    private DecodeMemory() {
    }

    static long estimate(ImageReader reader, long pixels) throws IOException {
        long bytesPerPixel = 4;
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null && reader.getImageTypes(0).hasNext()) {
            type = reader.getImageTypes(0).next();
        }
        if (type != null) {
            SampleModel sm = type.getSampleModel();
            int bits = DataBuffer.getDataTypeSize(sm.getDataType());
            bytesPerPixel = Math.max(1, (long) sm.getNumBands() * bits / 8);
        }
        return pixels * (bytesPerPixel + 4);
    }

    static void check(Path path, ImageReader reader, long pixels) throws IOException, SlideException {
        long needed = estimate(reader, pixels);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free * SHARE) {
            throw new SlideException(Kind.TOO_LARGE, path, String.format(Locale.ROOT, "The picture %s (%d x %d pixels)"
                    + " needs about %s to decode but Java has %s free (of %s); convert it to a tiled pyramidal format or"
                    + " give Java more memory (MARROWSCOPE_JAVA_OPTS=-Xmx8g)", path, reader.getWidth(0), reader.getHeight(0),
                    gib(needed), gib(free), gib(rt.maxMemory())));
        }
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / 1073741824.0);
    }
}
