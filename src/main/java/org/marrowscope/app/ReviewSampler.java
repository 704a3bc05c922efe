package org.marrowscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.TileReader;
import org.marrowscope.slide.SlideException;

/**
 * Draws the tiles an expert reviews for the quality model (paper, stage 1's human-in-the-loop cycle): a
 * seeded uniform sample of the slide's grid, skipping tiles the corner rule calls background (the pipeline
 * never shows those to the model, so labelling them teaches it nothing).
 */
final class ReviewSampler {

    private ReviewSampler() {
    }

    /**
     * @param reader reads corner pixels on the pipeline's grid geometry
     * @param count tiles wanted (fewer when the slide has fewer tissue tiles)
     * @param seed same seed, same tiles
     */
    static List<Tile> sample(TileReader reader, long slideWidth, long slideHeight, int count, long seed) throws SlideException {
        TileGeometry g = reader.geometry();
        int columns = g.columns(slideWidth);
        int rows = g.rows(slideHeight);
        int total = columns * rows;
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Tile> picked = new ArrayList<>(count);
        // A lazy Fisher-Yates shuffle: only as much of the permutation as the sample needs.
        for (int i = 0; i < total && picked.size() < count; i++) {
            int j = i + random.nextInt(total - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            int col = order[i] % columns;
            int row = order[i] / columns;
            Tile tile = new Tile(col, row, g.x(col), g.y(row), g.footprint());
            if (!reader.isBackground(tile)) {
                picked.add(tile);
            }
        }
        return picked;
    }
}
