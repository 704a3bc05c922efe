package org.marrowscope.cli;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.stream.ImageInputStream;

/**
 * Damages a tiled TIFF in place, keeping its size: every tile's bytes are zeroed except the lowest-resolution level
 * (the tissue mask) and the tiles that {@code SlidePixels} samples for the slide's identity. The slide therefore
 * opens and is identified, and fails only when stage 1 reads its tiles: a failure in the middle of a run.
 */
final class DamagedTiles {

    private static final double[] SAMPLED = {0.25, 0.5, 0.75};
    private static final int SAMPLE = 128;

    private DamagedTiles() {
    }

    static Path garbleAllButSampledTiles(Path tiff) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile());
             RandomAccessFile file = new RandomAccessFile(tiff.toFile(), "rw")) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
            ImageReader reader = readers.next();
            reader.setInput(in);
            int levels = reader.getNumImages(true);
            for (int level = 0; level < levels - 1; level++) {
                TIFFDirectory dir = TIFFDirectory.createFromMetadata(reader.getImageMetadata(level));
                long width = dir.getTIFFField(256).getAsLong(0);
                long height = dir.getTIFFField(257).getAsLong(0);
                int tw = dir.getTIFFField(322).getAsInt(0);
                int th = dir.getTIFFField(323).getAsInt(0);
                TIFFField offsets = dir.getTIFFField(324);
                TIFFField counts = dir.getTIFFField(325);
                long across = (width + tw - 1) / tw;
                for (int t = 0; t < offsets.getCount(); t++) {
                    long x = (t % across) * tw;
                    long y = (t / across) * th;
                    if (!sampled(x, y, tw, th, width, height)) {
                        file.seek(offsets.getAsLong(t));
                        file.write(new byte[(int) counts.getAsLong(t)]);
                    }
                }
            }
            reader.dispose();
        }
        return tiff;
    }

    /** Whether the tile overlaps one of the identity's sample squares (a superset of SlidePixels' five). */
    private static boolean sampled(long x, long y, int tw, int th, long width, long height) {
        for (double px : SAMPLED) {
            for (double py : SAMPLED) {
                long sx = Math.min(width - SAMPLE, (long) (px * width));
                long sy = Math.min(height - SAMPLE, (long) (py * height));
                if (x < sx + SAMPLE && sx < x + tw && y < sy + SAMPLE && sy < y + th) {
                    return true;
                }
            }
        }
        return false;
    }
}
