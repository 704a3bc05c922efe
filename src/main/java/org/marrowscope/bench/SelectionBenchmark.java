package org.marrowscope.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.marrowscope.pipeline.BackgroundRule;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.QualityScorer;
import org.marrowscope.pipeline.RoiSelector;
import org.marrowscope.pipeline.Selection;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.pipeline.SlideTileAssessor;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.TileGrid;
import org.marrowscope.pipeline.TileReader;
import org.marrowscope.pipeline.TissueMask;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;

/** Stage 1 alone, timed: the early stop against scoring every tile as the paper did. */
public final class SelectionBenchmark {

    /** One timed selection. */
    public record Run(Selection selection, double seconds, int gridTiles, int candidates) {
    }

    private SelectionBenchmark() {
    }

    public static Run run(Slide slide, TileGeometry geometry, QualityScorer scorer, SelectionSettings settings,
            ExecutorService readers, boolean useTissueMask) throws SlideException {
        long start = System.nanoTime();
        List<Tile> grid = TileGrid.tiles(slide, geometry);
        TissueMask mask = useTissueMask ? TissueMask.of(slide, geometry) : TissueMask.none();
        List<Tile> candidates = grid.stream().filter(t -> !mask.certainlyGlass(t)).toList();
        TileReader reader = new TileReader(slide, geometry, BackgroundRule.DEFAULT, null);
        Selection selection = new RoiSelector(settings).select(candidates, new SlideTileAssessor(reader, scorer, readers),
                false, Progress.Listener.NONE, new CancellationToken(), "cpu");
        return new Run(selection, (System.nanoTime() - start) / 1e9, grid.size(), candidates.size());
    }
}
