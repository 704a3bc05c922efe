package org.marrowscope.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PyramidTest {

    /** 60,000 x 45,000 with levels every factor of 4, like an Aperio scan. */
    static final Pyramid SLIDE = new Pyramid(60_000, 45_000, List.of(
            new Pyramid.Level(1, 60_000, 45_000),
            new Pyramid.Level(4, 15_000, 11_250),
            new Pyramid.Level(16, 3_750, 2_812),
            new Pyramid.Level(64, 937, 703)), 512);

    @Test
    void choosesTheCoarsestLevelNotBlurrierThanTheScreen() {
        assertThat(SLIDE.levelFor(1)).isZero();
        assertThat(SLIDE.levelFor(4)).isZero();
        assertThat(SLIDE.levelFor(0.5)).isZero();
        assertThat(SLIDE.levelFor(0.25)).isEqualTo(1);
        assertThat(SLIDE.levelFor(0.2)).isEqualTo(1);
        assertThat(SLIDE.levelFor(1 / 16.0)).isEqualTo(2);
        assertThat(SLIDE.levelFor(1 / 20.0)).isEqualTo(2);
        assertThat(SLIDE.levelFor(0.001)).isEqualTo(3);
    }

    @Test
    void tileBoundsAreClippedAtTheSlideEdge() {
        assertThat(SLIDE.columns(0)).isEqualTo(118);
        assertThat(SLIDE.rows(0)).isEqualTo(88);
        Pyramid.TileBounds last = SLIDE.bounds(new TileKey(0, 117, 87));
        assertThat(last.x()).isEqualTo(117 * 512);
        assertThat(last.levelWidth()).isEqualTo(60_000 - 117 * 512);
        assertThat(last.levelHeight()).isEqualTo(45_000 - 87 * 512);
        Pyramid.TileBounds coarse = SLIDE.bounds(new TileKey(2, 1, 2));
        assertThat(coarse.x()).isEqualTo(512 * 16);
        assertThat(coarse.y()).isEqualTo(1024 * 16);
        assertThat(coarse.width()).isEqualTo(512 * 16.0);
    }

    @Test
    void visibleTilesCoverTheViewExactlyNearestTheCentreFirst() {
        ViewTransform view = new ViewTransform(30_000, 20_000, 0.25, 1200, 800);
        int level = SLIDE.levelFor(view.scale());
        List<TileKey> tiles = SLIDE.visibleTiles(view, level);
        ViewTransform.Rect r = view.visible();
        Set<TileKey> expected = new HashSet<>();
        for (int c = 0; c < SLIDE.columns(level); c++) {
            for (int row = 0; row < SLIDE.rows(level); row++) {
                Pyramid.TileBounds b = SLIDE.bounds(new TileKey(level, c, row));
                if (r.intersects(b.x(), b.y(), b.width(), b.height())) {
                    expected.add(new TileKey(level, c, row));
                }
            }
        }
        assertThat(tiles).containsExactlyInAnyOrderElementsOf(expected);
        // 4800 x 3200 level-0 px = 1200 x 800 level-1 px: 3 or 4 tiles across, 2 or 3 down.
        assertThat(tiles.size()).isBetween(6, 12);
        // The first tile holds the view's centre.
        Pyramid.TileBounds first = SLIDE.bounds(tiles.getFirst());
        assertThat(first.x()).isLessThanOrEqualTo(30_000);
        assertThat(first.x() + first.width()).isGreaterThan(30_000);
    }

    @Test
    void aViewOffTheSlideNeedsNoTiles() {
        ViewTransform view = new ViewTransform(-5_000, -5_000, 1, 800, 600);
        assertThat(SLIDE.visibleTiles(view, 0)).isEmpty();
        ViewTransform whole = ViewTransform.fit(60_000, 45_000, 1000, 750);
        int level = SLIDE.levelFor(whole.scale());
        // The fitted view shows 63 level-0 px per screen pixel: level 2 (x16), since level 3 (x64) would be blurry.
        assertThat(level).isEqualTo(2);
        assertThat(SLIDE.visibleTiles(whole, level)).hasSize(SLIDE.columns(2) * SLIDE.rows(2)).hasSize(8 * 6);
    }
}
