package org.marrowscope.synth.smear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.synth.smear.SmearTestSupport.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Seamlessness, determinism and thread safety of region rendering. */
class SmearRendererTest {

    private static final long W = 20_000;
    private static final long H = 20_000;

    @ParameterizedTest
    @EnumSource(SmearClass.class)
    void regionEqualsItsFourQuadrants(SmearClass c) {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(c, 11, W, H));
        long[] at = SmearTestSupport.tiles(r, QualityLabel.GOOD, 512, 1).getFirst();
        assertQuadrantsMatch(r, at[0], at[1]);
        // unaligned to buckets and lattice, across object and bucket borders
        assertQuadrantsMatch(r, at[0] + 37, at[1] + 101);
    }

    @Test
    void seamlessInEveryKindOfRegion() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.AML, 5, W, H));
        for (QualityLabel q : QualityLabel.values()) {
            List<long[]> found = SmearTestSupport.dominantTiles(r, q, 512, 1);
            assertThat(found).as("a %s tile", q).isNotEmpty();
            assertQuadrantsMatch(r, found.getFirst()[0] + 13, found.getFirst()[1] + 7);
        }
    }

    @Test
    void benchmarkSizedSlideIsSeamlessFarFromTheOrigin() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.LYMPHOMA, 1234, 100_000, 80_000));
        for (long[] at : new long[][] {{93_001, 71_003}, {50_017, 40_000}, {99_488, 79_488}}) {
            assertQuadrantsMatch(r, at[0], at[1]);
        }
        assertThat(r.qualityAt(99_999, 79_999)).isEqualTo(QualityLabel.BACKGROUND);
    }

    @Test
    void unevenSplitsAndTinyRegionsMatch() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.MM, 3, W, H));
        long[] at = SmearTestSupport.tiles(r, QualityLabel.GOOD, 512, 1).getFirst();
        long x = at[0] + 5;
        long y = at[1] + 9;
        int[] whole = render(r, x, y, 300, 200);
        int[] left = render(r, x, y, 77, 200);
        int[] right = render(r, x + 77, y, 223, 200);
        for (int j = 0; j < 200; j++) {
            for (int i = 0; i < 300; i++) {
                int expected = i < 77 ? left[j * 77 + i] : right[j * 223 + i - 77];
                assertThat(whole[j * 300 + i]).as("pixel (%d,%d)", i, j).isEqualTo(expected);
            }
        }
        int[] one = render(r, x + 150, y + 100, 1, 1);
        assertThat(one[0]).isEqualTo(whole[100 * 300 + 150]);
    }

    @Test
    void sameSpecGivesSamePixelsAndOtherSeedDiffers() {
        SmearSpec spec = SmearSpec.of(SmearClass.CML, 42, W, H);
        SmearRenderer a = new SmearRenderer(spec);
        SmearRenderer b = new SmearRenderer(spec);
        long[] at = SmearTestSupport.tiles(a, QualityLabel.GOOD, 512, 1).getFirst();
        int[] pa = render(a, at[0], at[1], 512, 512);
        assertThat(render(b, at[0], at[1], 512, 512)).isEqualTo(pa);

        SmearRenderer other = new SmearRenderer(SmearSpec.of(SmearClass.CML, 43, W, H));
        int[] po = render(other, at[0], at[1], 512, 512);
        int differ = 0;
        for (int i = 0; i < pa.length; i++) {
            if (pa[i] != po[i]) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(pa.length / 2);
    }

    @Test
    void parallelRenderingEqualsSerial() throws Exception {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.LYMPHOMA, 8, W, H));
        long[] at = SmearTestSupport.tiles(r, QualityLabel.GOOD, 1024, 1).getFirst();
        int tile = 256;
        List<int[]> serial = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            serial.add(render(r, at[0] + (k % 4) * tile, at[1] + (k / 4) * tile, tile, tile));
        }
        List<Future<int[]>> parallel = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int round = 0; round < 2; round++) {
                for (int k = 15; k >= 0; k--) {
                    int kk = k;
                    parallel.add(pool.submit(
                            () -> render(r, at[0] + (kk % 4) * tile, at[1] + (kk / 4) * tile, tile, tile)));
                }
            }
            for (int i = 0; i < parallel.size(); i++) {
                int k = 15 - i % 16;
                assertThat(parallel.get(i).get()).as("tile %d", k).isEqualTo(serial.get(k));
            }
        }
    }

    @Test
    void slideCornerIsNearWhiteGlass() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.ALL, 21, W, H));
        for (long[] at : new long[][] {{0, 0}, {W - 256, 0}, {0, H - 256}, {W - 256, H - 256}}) {
            assertThat(r.dominantQuality(at[0], at[1], 256, 256)).isEqualTo(QualityLabel.BACKGROUND);
            int[] rgb = render(r, at[0], at[1], 256, 256);
            for (int v : rgb) {
                assertThat(SmearTestSupport.nearWhite(v)).as("glass pixel %06x", v).isTrue();
            }
        }
    }

    @Test
    void usableTilesAreNeverTakenForBackground() {
        for (long seed = 1; seed <= 4; seed++) {
            SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.values()[(int) seed], seed, W, H));
            for (long[] at : SmearTestSupport.tiles(r, QualityLabel.GOOD, 512, 40)) {
                int[] corners = {
                    render(r, at[0], at[1], 1, 1)[0], render(r, at[0] + 511, at[1], 1, 1)[0],
                    render(r, at[0], at[1] + 511, 1, 1)[0], render(r, at[0] + 511, at[1] + 511, 1, 1)[0]};
                boolean allWhite = true;
                boolean allBlack = true;
                for (int v : corners) {
                    allWhite &= SmearTestSupport.nearWhite(v);
                    allBlack &= SmearTestSupport.nearBlack(v);
                }
                assertThat(allWhite || allBlack).as("corners of GOOD tile at %d,%d", at[0], at[1]).isFalse();
            }
        }
    }

    @Test
    void rejectsRequestForTooSmallBuffer() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.ALL, 1, W, H));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.render(0, 0, 10, 10, new int[99]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertQuadrantsMatch(SmearRenderer r, long x, long y) {
        int[] whole = render(r, x, y, 512, 512);
        for (int q = 0; q < 4; q++) {
            int ox = (q % 2) * 256;
            int oy = (q / 2) * 256;
            int[] part = render(r, x + ox, y + oy, 256, 256);
            for (int j = 0; j < 256; j++) {
                for (int i = 0; i < 256; i++) {
                    int expected = whole[(oy + j) * 512 + ox + i];
                    if (part[j * 256 + i] != expected) {
                        assertThat(part[j * 256 + i])
                                .as("pixel (%d,%d) of region at (%d,%d)", ox + i, oy + j, x, y)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }
}
