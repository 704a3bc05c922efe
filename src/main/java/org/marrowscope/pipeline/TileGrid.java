package org.marrowscope.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.marrowscope.slide.Slide;

/** The paper's grid of overlapping tiles over level 0, row by row. */
public final class TileGrid {

    private TileGrid() {
    }

    public static List<Tile> tiles(Slide slide, TileGeometry geometry) {
        int cols = geometry.columns(slide.width());
        int rows = geometry.rows(slide.height());
        List<Tile> out = new ArrayList<>(cols * rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.add(new Tile(c, r, geometry.x(c), geometry.y(r), geometry.footprint()));
            }
        }
        return out;
    }
}
