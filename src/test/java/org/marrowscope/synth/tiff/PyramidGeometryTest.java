package org.marrowscope.synth.tiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PyramidGeometryTest {

    private static final TiffWriteOptions JPEG = TiffWriteOptions.defaults();
    private static final TiffWriteOptions DEFLATE = JPEG.withCompression(TiffWriteOptions.Compression.DEFLATE);

    @Test
    void benchmarkSizedSlideStopsBeforeTheLongSideFallsUnder512() {
        PyramidGeometry g = PyramidGeometry.of(100_000, 80_000, JPEG);
        assertThat(g.levels()).extracting(LevelGeometry::width)
                .containsExactly(100_000L, 50_000L, 25_000L, 12_500L, 6_250L, 3_125L, 1_563L, 782L);
        assertThat(g.level(7).height()).isEqualTo(625);
        assertThat(g.level(0).tilesAcross()).isEqualTo(391);
        assertThat(g.level(0).tilesDown()).isEqualTo(313);
        assertThat(g.level(0).validWidth(390)).isEqualTo(100_000 - 390 * 256);
        assertThat(g.totalTiles()).isEqualTo(g.levels().stream().mapToLong(LevelGeometry::tileCount).sum());
        assertThat(PyramidGeometry.of(100_000, 80_000, DEFLATE).levels()).isEqualTo(g.levels());
    }

    @Test
    void aSlideSmallerThanTheMinimumHasOneLevel() {
        assertThat(PyramidGeometry.of(700, 300, JPEG).levelCount()).isEqualTo(1);
        assertThat(PyramidGeometry.of(1, 1, JPEG.withMinLevelSize(1)).levelCount()).isEqualTo(1);
    }

    @Test
    void deflateLevelsStayAtLeastOneTileInBothDirections() {
        PyramidGeometry strip = PyramidGeometry.of(100_000, 2_000, DEFLATE);
        assertThat(strip.levels()).extracting(LevelGeometry::height).containsExactly(2_000L, 1_000L, 500L);
        assertThat(PyramidGeometry.of(100_000, 2_000, JPEG).levelCount()).isGreaterThan(strip.levelCount());
        assertThat(PyramidGeometry.of(200, 130, DEFLATE).tileSize()).isEqualTo(128);
        assertThat(PyramidGeometry.of(200, 130, JPEG).tileSize()).isEqualTo(256);
        assertThatThrownBy(() -> PyramidGeometry.of(200, 15, DEFLATE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptySlidesAndBadOptions() {
        assertThatThrownBy(() -> PyramidGeometry.of(0, 10, JPEG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JPEG.withTileSize(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JPEG.withMinLevelSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JPEG.withJpegQuality(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JPEG.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JPEG.withDescription("Aperio Image")).isInstanceOf(IllegalArgumentException.class);
    }
}
