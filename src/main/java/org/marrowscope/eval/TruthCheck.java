package org.marrowscope.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.synth.GroundTruth;
import org.marrowscope.synth.smear.QualityLabel;
import org.marrowscope.labels.LabelledSlide;

/**
 * Stage 1 against the generator's ground truth, for synthetic cohorts (every slide has a {@code .truth.json}
 * sidecar): how many of the tiles that represent the slides are truly poor, by kind, for stage 1's ROIs and
 * for the random tiles of the ablation. Tiles off the truth's grid are not counted.
 *
 * @param tiles "stage-1 ROIs" or "random tiles"
 * @param counted tiles looked up in the truth
 * @param poor of them, tiles the generator drew as anything but good monolayer
 * @param byLabel counts per truth label (GOOD, THICK, SPARSE, FAT, PRECIPITATE, BLUR, BACKGROUND)
 */
public record TruthCheck(String tiles, long counted, long poor, Map<String, Long> byLabel) {

    public double poorFraction() {
        return counted == 0 ? Double.NaN : (double) poor / counted;
    }

    /** The checks, or an empty list when some slide has no ground truth (a real cohort). */
    static List<TruthCheck> of(List<LabelledSlide> slides, List<ClassificationResult> results,
            List<List<Tile>> randomTiles) throws IOException {
        List<GroundTruth> truths = new ArrayList<>();
        for (LabelledSlide s : slides) {
            Path sidecar = GroundTruth.sidecarOf(s.slide());
            if (!Files.isRegularFile(sidecar)) {
                return List.of();
            }
            truths.add(GroundTruth.read(sidecar));
        }
        Counter rois = new Counter();
        for (int s = 0; s < slides.size(); s++) {
            for (RoiResult roi : results.get(s).rois()) {
                rois.add(truths.get(s), roi.x(), roi.y(), roi.size());
            }
        }
        List<TruthCheck> out = new ArrayList<>(List.of(rois.check("stage-1 ROIs")));
        if (!randomTiles.isEmpty()) {
            Counter random = new Counter();
            for (int s = 0; s < slides.size(); s++) {
                for (Tile t : randomTiles.get(s)) {
                    random.add(truths.get(s), t.x(), t.y(), t.size());
                }
            }
            out.add(random.check(Ablation.TILES));
        }
        return out;
    }

    private static final class Counter {
        private final Map<String, Long> byLabel = new LinkedHashMap<>();
        private long counted;
        private long poor;

        Counter() {
            for (QualityLabel l : QualityLabel.values()) {
                byLabel.put(l.name(), 0L);
            }
        }

        void add(GroundTruth truth, long x, long y, long size) {
            GroundTruth.TileTruth grid = truth.tiles();
            if (size != grid.size() || x % grid.stride() != 0 || y % grid.stride() != 0) {
                return;
            }
            int column = (int) (x / grid.stride());
            int row = (int) (y / grid.stride());
            if (column >= grid.columns() || row >= grid.rows()) {
                return;
            }
            QualityLabel label = grid.at(column, row);
            byLabel.merge(label.name(), 1L, Long::sum);
            counted++;
            if (!label.usable()) {
                poor++;
            }
        }

        TruthCheck check(String tiles) {
            return new TruthCheck(tiles, counted, poor, new LinkedHashMap<>(byLabel));
        }
    }
}
