package org.marrowscope.synth.smear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.synth.smear.SmearTestSupport.render;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quality ground truth exists everywhere it should and matches what is drawn. */
class QualityTruthTest {

    private static final long W = 20_000;
    private static final long H = 20_000;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 17, 99})
    void everyLabelOccursOnATwentyThousandPixelSlideAndMostIsUsable(long seed) {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.AML, seed, W, H));
        Map<QualityLabel, Integer> counts = new EnumMap<>(QualityLabel.class);
        int n = 0;
        for (long y = 50; y < H; y += 100) {
            for (long x = 50; x < W; x += 100) {
                counts.merge(r.qualityAt(x, y), 1, Integer::sum);
                n++;
            }
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(QualityLabel.values());
        double good = counts.get(QualityLabel.GOOD) / (double) n;
        assertThat(good).as("usable share").isBetween(0.6, 0.9);
    }

    @Test
    void dominantQualityIsTheMajorityOfPointLabels() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.MM, 4, W, H));
        for (QualityLabel q : QualityLabel.values()) {
            List<long[]> uniform = SmearTestSupport.tiles(r, q, 256, 1);
            assertThat(uniform).as("a tile all %s", q).isNotEmpty();
            long[] at = uniform.getFirst();
            assertThat(r.dominantQuality(at[0], at[1], 256, 256)).isEqualTo(q);
        }
    }

    @Test
    void dominantQualityAgreesWithPointLabelsAnywhere() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.CML, 2, W, H));
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int k = 0; k < 300; k++) {
            long x = rng.nextLong(W - 512);
            long y = rng.nextLong(H - 512);
            int[] votes = new int[QualityLabel.values().length];
            for (int j = 0; j < 8; j++) {
                for (int i = 0; i < 8; i++) {
                    votes[r.qualityAt(x + (long) ((i + 0.5) * 512 / 8), y + (long) ((j + 0.5) * 512 / 8)).ordinal()]++;
                }
            }
            int best = 0;
            for (int v = 1; v < votes.length; v++) {
                if (votes[v] > votes[best]) {
                    best = v;
                }
            }
            assertThat(r.dominantQuality(x, y, 512, 512)).isEqualTo(QualityLabel.values()[best]);
        }
    }

    @Test
    void backgroundIsGlassAndFatShowsClearVacuoles() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.CML, 6, W, H));
        assertThat(whiteShare(r, QualityLabel.BACKGROUND)).isGreaterThan(0.97);
        assertThat(whiteShare(r, QualityLabel.FAT)).isGreaterThan(0.15);
        assertThat(whiteShare(r, QualityLabel.GOOD)).isLessThan(0.02);
    }

    @Test
    void thickAreasAreDarkerThanMonolayerAndSparseAreasPaler() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.ALL, 9, W, H));
        double good = meanLuminance(r, QualityLabel.GOOD);
        assertThat(meanLuminance(r, QualityLabel.THICK)).isLessThan(good - 10);
        assertThat(meanLuminance(r, QualityLabel.SPARSE)).isGreaterThan(good + 3);
    }

    @Test
    void blurredAreasLoseFineDetail() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.AML, 12, W, H));
        double good = meanSharpness(r, QualityLabel.GOOD);
        double blurred = meanSharpness(r, QualityLabel.BLUR);
        assertThat(blurred).isLessThan(0.6 * good);
    }

    @Test
    void precipitateAddsDarkGrains() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.LYMPHOMA, 14, W, H));
        assertThat(darkShare(r, QualityLabel.PRECIPITATE)).isGreaterThan(2 * darkShare(r, QualityLabel.GOOD));
    }

    private static double whiteShare(SmearRenderer r, QualityLabel q) {
        return share(r, q, SmearTestSupport::nearWhite);
    }

    /** Very dark blue-purple pixels: precipitate grains (nuclei are lighter in red). */
    private static double darkShare(SmearRenderer r, QualityLabel q) {
        return share(r, q, v -> (v >> 16 & 0xff) < 60 && (v >> 8 & 0xff) < 40);
    }

    private static double share(SmearRenderer r, QualityLabel q, java.util.function.IntPredicate test) {
        // artefacts seldom fill a whole tile: take tiles where they dominate; glass and monolayer fill them
        List<long[]> tiles = q == QualityLabel.GOOD || q == QualityLabel.BACKGROUND
                ? SmearTestSupport.tiles(r, q, 512, 4)
                : SmearTestSupport.dominantTiles(r, q, 512, 4);
        assertThat(tiles).as("%s tiles", q).isNotEmpty();
        long hit = 0;
        long n = 0;
        for (long[] at : tiles) {
            for (int v : render(r, at[0], at[1], 512, 512)) {
                if (test.test(v)) {
                    hit++;
                }
                n++;
            }
        }
        return (double) hit / n;
    }

    private static double meanLuminance(SmearRenderer r, QualityLabel q) {
        List<long[]> tiles = SmearTestSupport.tiles(r, q, 512, 4);
        assertThat(tiles).as("%s tiles", q).isNotEmpty();
        double sum = 0;
        long n = 0;
        for (long[] at : tiles) {
            for (int v : render(r, at[0], at[1], 512, 512)) {
                sum += SmearTestSupport.luminance(v);
                n++;
            }
        }
        return sum / n;
    }

    private static double meanSharpness(SmearRenderer r, QualityLabel q) {
        List<long[]> tiles = SmearTestSupport.tiles(r, q, 512, 4);
        assertThat(tiles).as("%s tiles", q).isNotEmpty();
        double sum = 0;
        for (long[] at : tiles) {
            sum += SmearTestSupport.sharpness(render(r, at[0], at[1], 512, 512), 512, 512);
        }
        return sum / tiles.size();
    }
}
