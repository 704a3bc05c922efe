package org.marrowscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.marrowscope.pipeline.result.SelectionMode;

class RoiSelectorTest {

    private static final String CPU = "cpu";

    /** Tile i: background when i % 10 == 0, else quality from a fixed rule so the truth is known. */
    private static Function<Tile, TileAssessment> quality(int highEvery, int lowEvery) {
        return t -> {
            int i = t.row() * 100 + t.column();
            if (i % 10 == 0) {
                return TileAssessment.background(t);
            }
            if (i % highEvery == 1) {
                return TileAssessment.scored(t, 0.9f);
            }
            if (i % lowEvery == 1) {
                return TileAssessment.scored(t, 0.6f);
            }
            return TileAssessment.scored(t, 0.2f);
        };
    }

    @Test
    void stopsAtTheTwoHundredthGoodTileInRandomOrder() {
        List<Tile> tiles = FakeAssessor.grid(5000);
        FakeAssessor assessor = new FakeAssessor(quality(3, 3));
        Selection s = new RoiSelector(SelectionSettings.PAPER).select(tiles, assessor, false, Progress.Listener.NONE,
                new CancellationToken(), CPU);
        assertThat(s.mode()).isEqualTo(SelectionMode.HIGH_QUALITY);
        assertThat(s.rois()).hasSize(200).allMatch(a -> a.quality() >= 0.8f);
        assertThat(new HashSet<>(s.rois())).hasSize(200);
        assertThat(s.exhaustive()).isFalse();
        assertThat(s.assessed()).isLessThan(1000);
        assertThat(assessor.tilesServed).isLessThan(1000);
        // The ROIs are exactly the first 200 qualifying tiles of the seeded permutation.
        List<Tile> order = RoiSelector.permuted(tiles, SelectionSettings.PAPER.seed());
        List<Tile> expected = order.stream().filter(t -> quality(3, 3).apply(t).atLeast(0.8)).limit(200).toList();
        assertThat(s.rois().stream().map(TileAssessment::tile).toList()).isEqualTo(expected);
    }

    @Test
    void batchSizeNeverChangesTheSelection() {
        List<Tile> tiles = FakeAssessor.grid(3000);
        List<TileAssessment> reference = null;
        for (int batch : new int[] {1, 7, 32, 500}) {
            Selection s = new RoiSelector(SelectionSettings.PAPER.withBatchSize(batch)).select(tiles,
                    new FakeAssessor(quality(3, 3)), false, Progress.Listener.NONE, new CancellationToken(), CPU);
            if (reference == null) {
                reference = s.rois();
            }
            assertThat(s.rois()).as("batch %d", batch).isEqualTo(reference);
        }
    }

    @Test
    void sameSeedSameRoisOtherSeedOtherRois() {
        List<Tile> tiles = FakeAssessor.grid(3000);
        var a = new RoiSelector(SelectionSettings.PAPER.withSeed(7)).select(tiles, new FakeAssessor(quality(3, 3)), false,
                Progress.Listener.NONE, new CancellationToken(), CPU);
        var b = new RoiSelector(SelectionSettings.PAPER.withSeed(7)).select(tiles, new FakeAssessor(quality(3, 3)), false,
                Progress.Listener.NONE, new CancellationToken(), CPU);
        var c = new RoiSelector(SelectionSettings.PAPER.withSeed(8)).select(tiles, new FakeAssessor(quality(3, 3)), false,
                Progress.Listener.NONE, new CancellationToken(), CPU);
        assertThat(a.rois()).isEqualTo(b.rois());
        assertThat(a.rois()).isNotEqualTo(c.rois());
    }

    @Test
    void fallsBackToHalfWhenTooFewReachPointEight() {
        // 2000 tiles: i % 50 == 1 -> 0.9 (40 tiles); i % 3 == 1 -> 0.6 (many)
        Selection s = new RoiSelector(SelectionSettings.PAPER).select(FakeAssessor.grid(2000),
                new FakeAssessor(quality(50, 3)), false, Progress.Listener.NONE, new CancellationToken(), CPU);
        assertThat(s.mode()).isEqualTo(SelectionMode.FALLBACK_THRESHOLD);
        assertThat(s.exhaustive()).isTrue();
        assertThat(s.assessed()).isEqualTo(2000);
        assertThat(s.atHigh()).isEqualTo(40);
        assertThat(s.rois()).hasSize(200).allMatch(a -> a.quality() >= 0.5f);
        assertThat(s.background()).isEqualTo(200);
    }

    @Test
    void tooFewAtHalfIsNotClassifiableWithCounts() {
        Selection s = new RoiSelector(SelectionSettings.PAPER).select(FakeAssessor.grid(1000),
                new FakeAssessor(quality(50, 50)), false, Progress.Listener.NONE, new CancellationToken(), CPU);
        assertThat(s.mode()).isEqualTo(SelectionMode.NOT_CLASSIFIABLE);
        assertThat(s.classifiable()).isFalse();
        assertThat(s.rois()).isEmpty();
        assertThat(s.candidates()).isEqualTo(1000);
        assertThat(s.atHigh()).isEqualTo(20);
        assertThat(s.atLow()).isEqualTo(20);
        assertThat(s.background()).isEqualTo(100);
    }

    @Test
    void aSmallFieldImageUsesItsGoodTilesOnly() {
        // 40 tiles in a row: 4 background, 20 of the 36 tissue tiles at 0.9, the rest at 0.2.
        Selection field = new RoiSelector(SelectionSettings.PAPER).select(FakeAssessor.grid(40),
                new FakeAssessor(quality(2, 2)), true, Progress.Listener.NONE, new CancellationToken(), CPU);
        assertThat(field.mode()).isEqualTo(SelectionMode.FIELD_GOOD_TILES);
        assertThat(field.rois()).hasSize(20).allMatch(a -> a.atLeast(0.8)).noneMatch(TileAssessment::background);
        // A field whose tissue is mostly poor (1 good tile of 36) is not classifiable, as a slide would not be.
        Selection poor = new RoiSelector(SelectionSettings.PAPER).select(FakeAssessor.grid(40),
                new FakeAssessor(quality(50, 50)), true, Progress.Listener.NONE, new CancellationToken(), CPU);
        assertThat(poor.mode()).isEqualTo(SelectionMode.NOT_CLASSIFIABLE);
        assertThat(poor.tissue()).hasSize(36);
        Selection slide = new RoiSelector(SelectionSettings.PAPER).select(FakeAssessor.grid(40),
                new FakeAssessor(quality(50, 50)), false, Progress.Listener.NONE, new CancellationToken(), CPU);
        assertThat(slide.mode()).isEqualTo(SelectionMode.NOT_CLASSIFIABLE);
    }

    /**
     * The early stop must draw from the same distribution as scoring every tile: each qualifying tile is
     * selected with probability k/|H|, and no other tile ever is. Chi-square against uniform, both modes.
     */
    @Test
    void earlyStopAndExhaustiveDrawTheSameUniformDistribution() {
        List<Tile> tiles = FakeAssessor.grid(600);
        Function<Tile, TileAssessment> truth = quality(4, 4);
        Set<Tile> qualifying = new HashSet<>(tiles.stream().filter(t -> truth.apply(t).atLeast(0.8)).toList());
        int k = 20;
        int runs = 3000;
        for (boolean exhaustive : new boolean[] {false, true}) {
            int[] hits = new int[600];
            for (int seed = 0; seed < runs; seed++) {
                SelectionSettings settings = SelectionSettings.PAPER.withRoiCount(k).withSeed(seed).withExhaustive(exhaustive);
                Selection s = new RoiSelector(settings).select(tiles, new FakeAssessor(truth), false,
                        Progress.Listener.NONE, new CancellationToken(), CPU);
                for (TileAssessment a : s.rois()) {
                    assertThat(qualifying).contains(a.tile());
                    hits[a.tile().row() * 100 + a.tile().column()]++;
                }
            }
            double expected = (double) runs * k / qualifying.size();
            double chi2 = 0;
            for (Tile t : qualifying) {
                double d = hits[t.row() * 100 + t.column()] - expected;
                chi2 += d * d / expected;
            }
            int df = qualifying.size() - 1;
            assertThat(chi2).as("chi-square (exhaustive=%s, df=%d)", exhaustive, df).isLessThan(df + 5 * Math.sqrt(2.0 * df));
        }
    }

    @Test
    void cancellationStopsWithinOneBatch() {
        CancellationToken cancel = new CancellationToken();
        FakeAssessor assessor = new FakeAssessor(t -> {
            cancel.cancel();
            return TileAssessment.scored(t, 0.1f);
        });
        assertThatThrownBy(() -> new RoiSelector(SelectionSettings.PAPER).select(FakeAssessor.grid(5000), assessor, false,
                Progress.Listener.NONE, cancel, CPU)).isInstanceOf(CancellationException.class);
        assertThat(assessor.batchesServed).isEqualTo(1);
    }
}
