package org.marrowscope.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
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

/**
 * The tiles that represent a slide: stage 1's quality-selected ROIs (the pipeline's own selection, so training
 * sees the tiles inference will classify), or, for the paper's ablation, tiles drawn uniformly among every
 * non-background tile with no quality model at all.
 */
public final class RoiSampler {

    /** Which tiles represent a slide. */
    public enum Mode {
        /** Stage 1: 200 tiles with p(good) >= 0.8 (fallback 0.5), as classification selects them. */
        QUALITY_SELECTED,
        /** The ablation: 200 tiles drawn uniformly among the tiles that pass the corner rule. */
        RANDOM
    }

    private RoiSampler() {
    }

    /**
     * The pipeline's tile grid on a slide for models trained at {@code modelMpp}.
     *
     * @throws IllegalArgumentException when the slide does not state its resolution
     */
    public static TileGeometry geometry(Slide slide, double modelMpp) {
        double mpp = slide.micronsPerPixel().orElseThrow(() -> new IllegalArgumentException("the slide "
                + slide.path().getFileName() + " does not say its resolution (microns per pixel), so its tiles cannot"
                + " be sized like the model's")).mean();
        PipelineSettings p = PipelineSettings.PAPER;
        return TileGeometry.forScale(p.tilePixels(), p.stridePixels(), modelMpp, mpp);
    }

    /** The grid's tiles that the tissue mask does not rule out, in grid order. */
    public static List<Tile> candidates(Slide slide, TileGeometry geometry) throws SlideException {
        TissueMask mask = TissueMask.of(slide, geometry);
        return TileGrid.tiles(slide, geometry).stream().filter(t -> !mask.certainlyGlass(t)).toList();
    }

    /** Stage 1 on a slide with the pipeline's selector (early stop, paper thresholds, seeded). */
    public static Selection qualitySelected(Slide slide, TileGeometry geometry, QualityScorer scorer,
            SelectionSettings settings, ExecutorService readers, CancellationToken cancel) throws SlideException {
        TileReader reader = new TileReader(slide, geometry, PipelineSettings.PAPER.background(), null);
        boolean field = slide.levelCount() == 1 && slide.format().startsWith("image/");
        return new RoiSelector(settings).select(candidates(slide, geometry),
                new SlideTileAssessor(reader, scorer, readers), field, Progress.Listener.NONE, cancel, "");
    }

    /**
     * Up to {@code count} tiles drawn uniformly among the candidates that pass the corner rule: the first
     * {@code count} non-background tiles of a seeded random order (a uniform draw, as in {@link RoiSelector}).
     */
    public static List<Tile> random(Slide slide, TileGeometry geometry, int count, long seed) throws SlideException {
        List<Tile> order = new ArrayList<>(candidates(slide, geometry));
        Collections.shuffle(order, new SplittableRandom(seed));
        TileReader reader = new TileReader(slide, geometry, PipelineSettings.PAPER.background(), null);
        List<Tile> out = new ArrayList<>(count);
        for (Tile t : order) {
            if (out.size() == count) {
                break;
            }
            if (!reader.isBackground(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
