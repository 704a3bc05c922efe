package org.marrowscope.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marrowscope.labels.LabelFileException;
import org.marrowscope.model.QualityModel;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.TileReader;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;
import org.marrowscope.train.TileSource.SlideTile;

/**
 * The paper's human-in-the-loop cycle for stage 1 (after Eckardt et al.): score tiles from new slides, export a
 * sample with the model's calls for a hematologist to review (the labels CSV the viewer's tile-review mode
 * reads and writes), take the corrected file back, and measure how often the reviewer disagreed. While 5% or
 * more of the calls are corrected, the model is fine-tuned on the old and the corrected tiles together and the
 * cycle repeats with new slides; it ends when fewer than 5% are corrected.
 */
public final class QualityReview {

    /** The paper's stopping rule: the loop ends when fewer than this fraction of the model's calls are corrected. */
    public static final double PAPER_THRESHOLD = 0.05;

    /**
     * An exported sample.
     *
     * @param calls the tiles with the model's calls (good when p(good) >= 0.5)
     * @param scores p(good) of each tile, in the same order
     */
    public record Export(List<QualitySample> calls, float[] scores) {
    }

    /**
     * How a review went.
     *
     * @param reviewed tiles present in both files
     * @param corrected tiles whose label the reviewer changed
     * @param unreviewed exported tiles missing from the corrected file
     * @param labels the reviewed tiles with the reviewer's labels (the new training tiles)
     */
    public record Review(int reviewed, int corrected, int unreviewed, List<QualitySample> labels) {

        /** Fraction of reviewed calls the reviewer changed. */
        public double disagreement() {
            return reviewed == 0 ? 0 : (double) corrected / reviewed;
        }

        /** True when the loop ends: fewer than {@code threshold} of the calls were corrected. */
        public boolean loopEnds(double threshold) {
            return disagreement() < threshold;
        }

        public String describe(double threshold) {
            return String.format(Locale.ROOT, "%d of %d reviewed calls corrected (%.1f%%)%s: %s", corrected, reviewed,
                    100 * disagreement(), unreviewed > 0 ? ", " + unreviewed + " exported tiles not reviewed" : "",
                    loopEnds(threshold) ? String.format(Locale.ROOT, "under %.0f%%, the loop ends", 100 * threshold)
                            : String.format(Locale.ROOT, "not under %.0f%%, fine-tune on old and corrected tiles and"
                                    + " review new slides", 100 * threshold));
        }
    }

    private QualityReview() {
    }

    /**
     * Draws {@code sample} non-background tiles spread evenly over the slides (seeded), scores them with the
     * model, and returns them with the model's calls.
     */
    public static Export sample(QualityModel model, List<Path> slides, int sample, long seed,
            TrainingListener listener, CancellationToken cancel) throws SlideException {
        if (slides.isEmpty() || sample < 1) {
            throw new IllegalArgumentException("a review sample needs at least one slide and one tile");
        }
        double mpp = model.bundle().manifest().input().micronsPerPixel();
        List<QualitySample> calls = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        for (int i = 0; i < slides.size(); i++) {
            int quota = sample / slides.size() + (i < sample % slides.size() ? 1 : 0);
            listener.onTask("Scoring review tiles", i, slides.size());
            try (Slide slide = Slides.open(slides.get(i))) {
                TileGeometry geometry = RoiSampler.geometry(slide, mpp);
                List<Tile> tiles = RoiSampler.random(slide, geometry, quota, BatchMaker.mix(seed, i, 0));
                TileReader reader = new TileReader(slide, geometry, PipelineSettings.PAPER.background(), null);
                for (int from = 0; from < tiles.size(); from += model.batchSize()) {
                    cancel.throwIfCancelled();
                    List<Tile> batch = tiles.subList(from, Math.min(tiles.size(), from + model.batchSize()));
                    List<BufferedImage> images = new ArrayList<>();
                    for (Tile t : batch) {
                        images.add(reader.read(t));
                    }
                    float[] p = model.score(images);
                    for (int k = 0; k < batch.size(); k++) {
                        Tile t = batch.get(k);
                        calls.add(new QualitySample(new SlideTile(slides.get(i).toAbsolutePath().normalize(), t.x(),
                                t.y(), t.size()), p[k] >= 0.5));
                        scores.add(p[k]);
                    }
                }
            }
        }
        listener.onTask("Scoring review tiles", slides.size(), slides.size());
        float[] s = new float[scores.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
        }
        return new Export(calls, s);
    }

    /** Compares the exported calls with the reviewer's file; tiles the export did not contain are refused. */
    public static Review compare(Path exported, Path corrected) throws LabelFileException, IOException {
        Map<TileSource, Boolean> calls = new HashMap<>();
        for (QualitySample s : QualityLabels.readCsv(exported)) {
            calls.put(s.source(), s.good());
        }
        int changed = 0;
        List<QualitySample> labels = new ArrayList<>();
        for (QualityLabels.Lined l : QualityLabels.readCsvLines(corrected)) {
            Boolean call = calls.get(l.sample().source());
            if (call == null) {
                throw new LabelFileException(corrected, l.line(), "tile " + l.sample().source().describe()
                        + " was not in the exported sample " + exported.getFileName());
            }
            if (call != l.sample().good()) {
                changed++;
            }
            labels.add(l.sample());
        }
        return new Review(labels.size(), changed, calls.size() - labels.size(), labels);
    }
}
