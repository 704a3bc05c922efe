package org.marrowscope.slide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.model.NativesCache;

/** Issue 12, items 7 and 8: dimensions no scan has, and pictures too large to decode, are refused with numbers. */
class SlidePlausibilityTest {

    @TempDir
    Path tmp;

    /** A slide that claims whatever it is told to. */
    record Claimed(Path path, List<SlideLevel> levels) implements Slide {
        @Override public String format() { return "generic-tiff"; }
        @Override public Map<String, String> properties() { return Map.of(); }
        @Override public Optional<MicronsPerPixel> micronsPerPixel() { return Optional.empty(); }
        @Override public Optional<Double> objectivePower() { return Optional.empty(); }
        @Override public List<AssociatedImage> associatedImages() { return List.of(); }
        @Override public BufferedImage readAssociatedImage(String name) { throw new UnsupportedOperationException(); }
        @Override public BufferedImage readRegion(int level, long x, long y, int w, int h) {
            return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        }
        @Override public void close() { }
    }

    @Test
    void aMillionPixelsASideIsNoScan() {
        Slide claimed = new Claimed(Path.of("claims.tiff"), List.of(new SlideLevel(0, 1_000_000, 1_000_000, 1)));
        assertThatThrownBy(() -> SlideLimits.check(claimed)).isInstanceOf(SlideException.class)
                .hasMessageContaining("claims 1,000,000 x 1,000,000 pixels")
                .satisfies(e -> assertThat(((SlideException) e).kind()).isEqualTo(SlideException.Kind.BROKEN_FILE));
        Slide odd = new Claimed(Path.of("odd.tiff"), List.of(new SlideLevel(0, 1000, 800, 1), new SlideLevel(1, 5000, 400, 2)));
        assertThatThrownBy(() -> SlideLimits.check(odd)).hasMessageContaining("does not fit its level 0");
    }

    @Test
    void a16BitPictureIsCountedAtEightBytesAPixelBeforeDecoding() throws Exception {
        // 2.3 MB of PNG can say 14,000 x 12,500 RGBA at 16 bits: 8 bytes a pixel to decode plus 4 for the RGB copy.
        Path png = Files.write(tmp.resolve("deep.png"), CraftedPng.of(14_000, 12_500, 16, 6));
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.next();
            reader.setInput(in);
            assertThat(DecodeMemory.estimate(reader, 14_000L * 12_500)).isEqualTo(14_000L * 12_500 * 12);
        }
        long needed = 14_000L * 12_500 * 12;
        Runtime rt = Runtime.getRuntime();
        if (needed > (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory())) * DecodeMemory.SHARE) {
            assertThatThrownBy(() -> Slides.open(png)).isInstanceOf(SlideException.class)
                    .hasMessageContaining("needs about 2.0 GiB to decode")
                    .satisfies(e -> assertThat(((SlideException) e).kind()).isEqualTo(SlideException.Kind.TOO_LARGE));
        }
    }

    @Test
    void anUnwritableNativesCacheIsNamedNotBlamedOnTheBundle() {
        assertThatThrownBy(() -> NativesCache.requireUsable(Path.of("/proc/marrowscope-djl")))
                .hasMessageContaining("PyTorch cannot start").hasMessageContaining("/proc/marrowscope-djl")
                .hasMessageContaining("DJL_CACHE_DIR").hasMessageNotContaining("Model bundle");
    }
}
