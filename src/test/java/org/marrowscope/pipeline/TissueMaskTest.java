package org.marrowscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TissueMaskTest {

    @Test
    void prunesOnlyTilesWhoseWholeFootprintIsGlass() {
        // A 100x100 low-resolution image at downsample 32 (a 3200x3200 slide): tissue in the top-left quarter.
        BufferedImage low = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = low.createGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, 100, 100);
        g.setColor(new Color(200, 150, 190));
        g.fillRect(0, 0, 50, 50);
        g.dispose();
        low.setRGB(90, 90, 0xF0F0F0); // one pale pixel (240 < 245): not certainly glass
        TissueMask mask = TissueMask.fromImage(low, 32);
        assertThat(mask.certainlyGlass(new Tile(0, 0, 0, 0, 512))).isFalse();
        assertThat(mask.certainlyGlass(new Tile(0, 0, 1500, 1500, 512))).isFalse(); // overlaps the tissue corner
        assertThat(mask.certainlyGlass(new Tile(0, 0, 2000, 200, 512))).isTrue();
        assertThat(mask.certainlyGlass(new Tile(0, 0, 2800, 2800, 512))).isFalse();
        assertThat(TissueMask.none().certainlyGlass(new Tile(0, 0, 2000, 200, 512))).isFalse();
    }
}
