package org.marrowscope.synth.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LevelCascadeTest {

    @Test
    void rowBuffersHoldAboutOneLevelZeroTileRowWhateverTheHeight() {
        for (long height : new long[] {15_000, 150_000}) {
            PyramidGeometry geometry = PyramidGeometry.of(20_000, height, TiffWriteOptions.defaults());
            int t = geometry.tileSize();
            // Each reduced level's row is rounded up to whole tiles: at most one extra tile per level.
            long bound = 4L * t * (20_000 + (long) t * geometry.levelCount());
            assertThat(new LevelCascade(geometry).bufferBytes()).as("height %d", height)
                    .isLessThanOrEqualTo(bound).isGreaterThan(4L * t * 20_000 / 2);
        }
    }

    @Test
    void edgeBlocksAverageOnlyThePixelsInside() {
        PyramidGeometry geometry = PyramidGeometry.of(3, 3, 16, 1, false);
        LevelCascade cascade = new LevelCascade(geometry);
        int[] tile = new int[16 * 16];
        Arrays.fill(tile, 0xFFFFFF);
        int[] values = {0x000000, 0x020406, 0x0A0A0A, 0x040404, 0x060606, 0x0B0B0B, 0x101010, 0x121212, 0x808080};
        for (int i = 0; i < 9; i++) {
            tile[(i / 3) * 16 + i % 3] = values[i];
        }
        cascade.downsampleInto(1, tile, 0, 0, 3, 3);
        cascade.sourceRowDone(1, 3);
        assertThat(cascade.tileRowComplete(1)).isTrue();
        int[] out = new int[16 * 16];
        cascade.copyTile(1, 0, out);
        // Red (0+2+4+6)/4 = 3; green (0+4+4+6)/4 = 3.5 rounds half up to 4. The right column
        // averages two pixels, the bottom row two, the corner one.
        assertThat(out[0]).isEqualTo(0x030404);
        assertThat(out[1]).isEqualTo(0x0B0B0B);
        assertThat(out[16]).isEqualTo(0x111111);
        assertThat(out[17]).isEqualTo(0x808080);
        assertThat(out[2]).as("padding").isEqualTo(0xFFFFFF);
    }
}
