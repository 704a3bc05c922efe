package org.marrowscope.train;

import org.marrowscope.labels.LabelledSlide;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.QualityModel;
import org.marrowscope.model.TileOutputs;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.Selection;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.TileAssessment;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.TileReader;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;

/**
 * What the models compute on one slide's tiles, as inference will see them: stage 1 selects the ROIs with the
 * pipeline's own selector and settings, and every model's logits and features are kept (the raw material of a
 * calibration). The quality model is also run on random non-background tiles, since it judges every kind of
 * tile, not only good ones.
 *
 * @param slide the slide
 * @param classIndex its diagnosis
 * @param classifiable whether stage 1 found enough good tiles
 * @param perClassifier each classifier's outputs on the ROIs, in the order given
 * @param quality the quality model's outputs on the ROIs followed by the random tiles
 */
record FeatureHarvest(Path slide, int classIndex, boolean classifiable, List<TileOutputs> perClassifier,
        TileOutputs quality) {

    /** Runs stage 1 and the models on one slide. */
    static FeatureHarvest of(LabelledSlide labelled, QualityModel quality, List<Classifier> classifiers,
            SelectionSettings selection, int randomTiles, ExecutorService readers, CancellationToken cancel)
            throws SlideException {
        try (Slide slide = Slides.open(labelled.slide())) {
            TileGeometry geometry = RoiSampler.geometry(slide, quality.bundle().manifest().input().micronsPerPixel());
            Selection s = RoiSampler.qualitySelected(slide, geometry, quality::score, selection, readers, cancel);
            TileReader reader = new TileReader(slide, geometry, PipelineSettings.PAPER.background(), null);
            List<BufferedImage> rois = read(reader, s.rois().stream().map(TileAssessment::tile).toList());
            List<TileOutputs> perClassifier = new ArrayList<>();
            for (Classifier c : classifiers) {
                cancel.throwIfCancelled();
                perClassifier.add(rois.isEmpty() ? new TileOutputs(new float[0][], new float[0][]) : c.outputs(rois));
            }
            List<BufferedImage> qualityTiles = new ArrayList<>(rois);
            qualityTiles.addAll(read(reader, RoiSampler.random(slide, geometry, randomTiles, selection.seed() + 1)));
            TileOutputs q = quality.outputs(qualityTiles);
            return new FeatureHarvest(labelled.slide(), labelled.classIndex(), s.classifiable(), perClassifier, q);
        }
    }

    /** Index of the largest value. */
    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static List<BufferedImage> read(TileReader reader, List<Tile> tiles) throws SlideException {
        List<BufferedImage> out = new ArrayList<>(tiles.size());
        for (Tile t : tiles) {
            out.add(reader.read(t));
        }
        return out;
    }
}
