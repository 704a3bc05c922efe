package org.marrowscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.TileReader;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;
import org.marrowscope.synth.GroundTruth;
import org.marrowscope.synth.smear.QualityLabel;
import org.marrowscope.train.TileSource.SlideTile;

/**
 * Stage-1 labels of synthetic slides from their generator's truth: a tile is good when the generator drew it
 * as usable monolayer ({@link QualityLabel#GOOD}), poor otherwise (thick, sparse, fat, precipitate, blur,
 * glass). Only tiles stage 1 would ever score are labelled: those the tissue mask keeps and the corner rule
 * passes. Used as the demo's hematologist, both for the first labels and to review exported samples.
 */
final class TruthLabels {

    private final GroundTruth truth;
    private final Path slide;

    private TruthLabels(Path slide, GroundTruth truth) {
        this.slide = slide.toAbsolutePath().normalize();
        this.truth = truth;
    }

    static TruthLabels of(Path slide) throws IOException {
        return new TruthLabels(slide, GroundTruth.read(GroundTruth.sidecarOf(slide)));
    }

    /** Every tile stage 1 would score, labelled from the truth. */
    List<QualitySample> all(double modelMpp) throws SlideException {
        List<QualitySample> out = new ArrayList<>();
        try (Slide s = Slides.open(slide)) {
            TileGeometry geometry = RoiSampler.geometry(s, modelMpp);
            TileReader reader = new TileReader(s, geometry, PipelineSettings.PAPER.background(), null);
            for (Tile t : RoiSampler.candidates(s, geometry)) {
                if (!reader.isBackground(t)) {
                    SlideTile tile = new SlideTile(slide, t.x(), t.y(), t.size());
                    out.add(new QualitySample(tile, good(tile)));
                }
            }
        }
        return out;
    }

    /** Whether the truth calls this tile good; the tile must lie on the truth's grid. */
    boolean good(SlideTile t) {
        GroundTruth.TileTruth grid = truth.tiles();
        if (t.size() != grid.size() || t.x() % grid.stride() != 0 || t.y() % grid.stride() != 0) {
            throw new IllegalArgumentException(t.describe() + " is not on the ground truth's " + grid.size() + "/"
                    + grid.stride() + " grid");
        }
        return grid.at((int) (t.x() / grid.stride()), (int) (t.y() / grid.stride())) == QualityLabel.GOOD;
    }

    /** The reviewer's labels for exported calls: the truth for every tile. */
    static List<QualitySample> review(List<QualitySample> calls) throws IOException {
        List<QualitySample> out = new ArrayList<>();
        java.util.Map<Path, TruthLabels> bySlide = new java.util.HashMap<>();
        for (QualitySample call : calls) {
            SlideTile t = (SlideTile) call.source();
            TruthLabels truth = bySlide.get(t.slide());
            if (truth == null) {
                truth = of(t.slide());
                bySlide.put(t.slide(), truth);
            }
            out.add(new QualitySample(t, truth.good(t)));
        }
        return out;
    }
}
