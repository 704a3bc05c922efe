package org.marrowscope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    /** A stored picture whose every pixel encodes its own position, so moves can be checked exactly. */
    private static byte[] positions(int side) {
        byte[] rgb = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = 3 * (y * side + x);
                rgb[i] = (byte) x;
                rgb[i + 1] = (byte) y;
                rgb[i + 2] = (byte) 77;
            }
        }
        return rgb;
    }

    private static int x(BufferedImage image, int u, int v) {
        return (image.getRGB(u, v) >> 16) & 0xFF;
    }

    private static int y(BufferedImage image, int u, int v) {
        return (image.getRGB(u, v) >> 8) & 0xFF;
    }

    @Test
    void withoutAugmentationTheFootprintIsTheCentralCrop() {
        CacheLayout layout = new CacheLayout(20, 12);
        BufferedImage out = new Augmenter(layout, Augmentation.NONE).apply(positions(20), new SplittableRandom(1));
        assertThat(out.getWidth()).isEqualTo(12);
        for (int v = 0; v < 12; v++) {
            for (int u = 0; u < 12; u++) {
                assertThat(x(out, u, v)).isEqualTo(u + 4);
                assertThat(y(out, u, v)).isEqualTo(v + 4);
            }
        }
    }

    @Test
    void squareSymmetriesMovePixelsExactly() {
        CacheLayout layout = CacheLayout.exact(9);
        Augmenter augmenter = new Augmenter(layout, Augmentation.SQUARE_SYMMETRIES);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            BufferedImage out = augmenter.apply(positions(9), new SplittableRandom(seed));
            // Every output pixel is a source pixel, each used once, and the centre stays put.
            java.util.Set<Integer> used = new java.util.HashSet<>();
            for (int v = 0; v < 9; v++) {
                for (int u = 0; u < 9; u++) {
                    used.add(y(out, u, v) * 9 + x(out, u, v));
                }
            }
            assertThat(used).hasSize(81);
            assertThat(x(out, 4, 4)).isEqualTo(4);
            assertThat(y(out, 4, 4)).isEqualTo(4);
            seen.add(x(out, 0, 0) + "," + y(out, 0, 0) + "," + x(out, 8, 0) + "," + y(out, 8, 0));
        }
        // The eight symmetries of the square all occur.
        assertThat(seen).hasSize(8);
    }

    @Test
    void rotationAndZoomKeepTheCentreAndFillTheCornersFromTheContext() {
        CacheLayout layout = CacheLayout.withContext(24, 2, CacheLayout.ROTATION_CONTEXT);
        int side = layout.side();
        byte[] stored = new byte[side * side * 3];
        // Stored picture: plain green with a red centre dot; a fill colour (black) would show in the corners.
        for (int i = 0; i < side * side; i++) {
            stored[3 * i + 1] = (byte) 200;
        }
        int c = side / 2;
        for (int y = c - 3; y < c + 3; y++) {
            for (int x = c - 3; x < c + 3; x++) {
                stored[3 * (y * side + x)] = (byte) 250;
                stored[3 * (y * side + x) + 1] = 0;
            }
        }
        Augmenter augmenter = new Augmenter(layout, Augmentation.PAPER);
        for (long seed = 0; seed < 50; seed++) {
            BufferedImage out = augmenter.apply(stored, new SplittableRandom(seed));
            assertThat(out.getWidth()).isEqualTo(layout.core());
            int core = layout.core();
            assertThat((out.getRGB(core / 2, core / 2) >> 16) & 0xFF).isGreaterThan(150);
            for (int[] corner : new int[][] {{0, 0}, {core - 1, 0}, {0, core - 1}, {core - 1, core - 1}}) {
                assertThat((out.getRGB(corner[0], corner[1]) >> 8) & 0xFF).as("corner green, seed " + seed).isGreaterThan(150);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameTile() {
        CacheLayout layout = CacheLayout.withContext(16, 2, CacheLayout.ROTATION_CONTEXT);
        Augmenter augmenter = new Augmenter(layout, Augmentation.PAPER);
        byte[] stored = positions(layout.side());
        BufferedImage a = augmenter.apply(stored, new SplittableRandom(BatchMaker.mix(3, 2, 17)));
        BufferedImage b = augmenter.apply(stored, new SplittableRandom(BatchMaker.mix(3, 2, 17)));
        assertThat(a.getRGB(0, 0, 32, 32, null, 0, 32)).isEqualTo(b.getRGB(0, 0, 32, 32, null, 0, 32));
    }

    @Test
    void colourChangesAreIdentityAtNeutralFactorsAndHueKeepsGrey() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x8040C0);
        image.setRGB(1, 0, 0x646464);
        Augmenter.jitter(image, 1, 1, 1, 0);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x8040C0);
        Augmenter.jitter(image, 1, 1, 1, 30);
        // A grey pixel has no hue to rotate; a coloured one keeps its channel sum.
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x646464);
        int p = image.getRGB(0, 0);
        assertThat(((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF)).isCloseTo(0x80 + 0x40 + 0xC0,
                org.assertj.core.api.Assertions.within(2));
        assertThat(p & 0xFFFFFF).isNotEqualTo(0x8040C0);
        // Saturation 0 turns a pixel grey.
        Augmenter.jitter(image, 1, 1, 0, 0);
        p = image.getRGB(0, 0);
        assertThat((p >> 16) & 0xFF).isCloseTo(p & 0xFF, org.assertj.core.api.Assertions.within(1));
    }

    @Test
    void rotationWithoutEnoughContextIsRefused() {
        assertThatThrownBy(() -> new Augmenter(CacheLayout.exact(96), Augmentation.PAPER))
                .hasMessageContaining("needs stored context of at least 1.571");
    }
}
