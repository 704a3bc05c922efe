package org.marrowscope.synth.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;

/**
 * Reads written slides back through the project's OpenSlide binding. A missing OpenSlide library
 * makes the tests fail, never skip: {@link Slides#open} reports it as an error.
 */
final class OpenSlideReads {

    private OpenSlideReads() {
    }

    /** Opens a written slide and checks that OpenSlide itself (not a plain-picture fallback) took it. */
    static Slide open(Path file) throws SlideException {
        Slide slide = Slides.open(file);
        assertThat(slide.format()).as("reader that opened %s", file).isEqualTo("generic-tiff");
        return slide;
    }

    /** A region of {@code level} at that level's own coordinates, as 0xRRGGBB. */
    static int[] region(Slide slide, int level, long x, long y, int w, int h) throws SlideException {
        double downsample = slide.level(level).downsample();
        BufferedImage image = slide.readRegion(level, Math.round(x * downsample), Math.round(y * downsample), w, h);
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] &= 0xFFFFFF;
        }
        return rgb;
    }

    /** Mean absolute difference per channel, over all pixels. */
    static double meanAbsoluteError(int[] actual, int[] expected) {
        long sum = 0;
        for (int i = 0; i < actual.length; i++) {
            int a = actual[i];
            int e = expected[i];
            sum += Math.abs((a >>> 16 & 0xFF) - (e >>> 16 & 0xFF))
                    + Math.abs((a >>> 8 & 0xFF) - (e >>> 8 & 0xFF))
                    + Math.abs((a & 0xFF) - (e & 0xFF));
        }
        return sum / (3.0 * actual.length);
    }

    /** Pixel-exact comparison that names the first difference instead of printing both arrays. */
    static void assertSamePixels(int[] actual, int[] expected, int width, String what) {
        assertThat(actual.length).as("%s pixel count", what).isEqualTo(expected.length);
        int differing = 0;
        int first = -1;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != expected[i]) {
                differing++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (differing > 0) {
            throw new AssertionError(String.format("%s: %d of %d pixels differ; first at (%d, %d): %06X instead of %06X",
                    what, differing, actual.length, first % width, first / width, actual[first], expected[first]));
        }
    }
}
