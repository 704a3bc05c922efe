package org.marrowscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TileGeometryTest {

    @Test
    void fortyXScanUsesThePapersGrid() {
        TileGeometry g = TileGeometry.forScale(512, 256, 0.25, 0.25);
        assertThat(g.footprint()).isEqualTo(512);
        assertThat(g.step()).isEqualTo(256);
        assertThat(g.columns(2048)).isEqualTo(7);
        assertThat(g.columns(511)).isZero();
        assertThat(g.x(3)).isEqualTo(768);
    }

    @Test
    void twentyXScanAndOilImmersionFieldAreResampledToTheModelsScale() {
        TileGeometry twentyX = TileGeometry.forScale(512, 256, 0.25, 0.5);
        assertThat(twentyX.footprint()).isEqualTo(256);
        assertThat(twentyX.step()).isEqualTo(128);
        TileGeometry oil = TileGeometry.forScale(512, 256, 0.25, 0.1);
        assertThat(oil.footprint()).isEqualTo(1280);
        assertThat(oil.levelZeroPerModelPixel()).isEqualTo(2.5);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> TileGeometry.forScale(512, 256, 0.25, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
