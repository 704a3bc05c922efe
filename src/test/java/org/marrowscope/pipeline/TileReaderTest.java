package org.marrowscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.marrowscope.TestData;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;

class TileReaderTest {

    @Test
    void readsTilesAtTheModelsScaleAndChecksCornersAtLevelZero() throws Exception {
        try (Slide slide = Slides.open(TestData.slide("CMU-1-Small-Region.svs"))) {
            // 0.499 um/px slide, model at 0.25: a 512-px model tile covers 257 level-0 pixels and is enlarged.
            TileGeometry geometry = TileGeometry.forScale(512, 256, 0.25, 0.499);
            TileReader reader = new TileReader(slide, geometry, BackgroundRule.DEFAULT, null);
            Tile tissue = new Tile(0, 0, 1000, 2300, geometry.footprint());
            BufferedImage image = reader.read(tissue);
            assertThat(image.getWidth()).isEqualTo(512);
            assertThat(image.getHeight()).isEqualTo(512);
            assertThat(reader.isBackground(tissue)).isFalse();
            // The slide's top-right corner is white glass: the corner rule rejects it.
            assertThat(reader.isBackground(new Tile(0, 0, 2220 - 257, 0, 257))).isTrue();
        }
    }

    @Test
    void shrinkingHalvesFirstSoNothingIsSkipped() {
        BufferedImage stripes = new BufferedImage(2048, 2048, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2048; y++) {
            for (int x = 0; x < 2048; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        BufferedImage small = TileReader.resize(stripes, 512);
        int grey = small.getRGB(100, 100) & 0xFF;
        // One-pixel stripes average to mid grey; point sampling would give pure black or white.
        assertThat(grey).isBetween(100, 155);
    }
}
