package org.marrowscope.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.marrowscope.pipeline.result.SelectionMode;

/**
 * Stage 1's selection rule (paper, Methods): 200 tiles drawn uniformly among those with p(good) >= 0.8; if
 * fewer exist, among those with p(good) >= 0.5; if fewer still, the slide is not classifiable.
 *
 * <p>Scoring every tile is what the paper did and is the cost to beat. Visiting the tiles in a uniformly
 * random order and keeping the first 200 that reach 0.8 gives exactly the same distribution (the first k
 * qualifying elements of a uniform permutation are a uniform k-subset of the qualifying set), so the
 * selector stops there; only the 0.5 fallback needs every tile. Batches are consumed in order, and tiles
 * of the last batch past the 200th qualifying one are ignored, so batching never changes the result.
 */
public final class RoiSelector {

    /** Separates the fallback draw's random stream from the visiting order's. */
    private static final long FALLBACK_STREAM = 0x9E3779B97F4A7C15L;

    private final SelectionSettings settings;

    public RoiSelector(SelectionSettings settings) {
        this.settings = settings;
    }

    /**
     * Selects ROIs among {@code candidates}.
     *
     * @param fieldImage true for a single microscope picture: with fewer candidates than ROIs wanted, its good
     *     tiles are used (field mode, see {@link SelectionMode#FIELD_GOOD_TILES}) instead of 200 of them
     */
    public Selection select(List<Tile> candidates, TileAssessor assessor, boolean fieldImage, Progress.Listener progress,
            CancellationToken cancel, String device) {
        List<Tile> order = permuted(candidates, settings.seed());
        List<TileAssessment> seen = new ArrayList<>();
        List<TileAssessment> high = new ArrayList<>();
        boolean stopEarly = !settings.exhaustive();
        long start = System.nanoTime();
        try (TileAssessor.AssessmentStream stream = assessor.assess(order, settings.batchSize())) {
            while (stream.hasNext() && !(stopEarly && high.size() >= settings.roiCount())) {
                cancel.throwIfCancelled();
                for (TileAssessment a : stream.next()) {
                    if (stopEarly && high.size() >= settings.roiCount()) {
                        break;
                    }
                    seen.add(a);
                    if (a.atLeast(settings.highThreshold())) {
                        high.add(a);
                    }
                }
                double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                progress.onProgress(new Progress(Stage.QUALITY, seen.size(), order.size(), seen.size() / seconds, device));
            }
        }
        cancel.throwIfCancelled();
        boolean exhaustive = seen.size() == order.size();
        int background = (int) seen.stream().filter(TileAssessment::background).count();
        List<TileAssessment> low = seen.stream().filter(a -> a.atLeast(settings.lowThreshold())).toList();
        List<TileAssessment> tissue = seen.stream().filter(a -> !a.background()).limit(settings.roiCount()).toList();
        int n = settings.roiCount();
        SelectionMode mode;
        List<TileAssessment> rois;
        if (high.size() >= n) {
            // Early stop: the first n qualifying tiles of the random order. Exhaustive: a uniform draw among all.
            mode = SelectionMode.HIGH_QUALITY;
            rois = stopEarly ? high.subList(0, n) : draw(high, n, settings.seed() ^ FALLBACK_STREAM);
        } else if (low.size() >= n) {
            mode = SelectionMode.FALLBACK_THRESHOLD;
            rois = draw(low, n, settings.seed() ^ FALLBACK_STREAM);
        } else if (fieldImage && order.size() < n && fieldPasses(seen, low)) {
            // A field is judged by the same thresholds as a slide, on the few tiles it has.
            mode = SelectionMode.FIELD_GOOD_TILES;
            rois = high.isEmpty() ? low : high;
        } else {
            mode = SelectionMode.NOT_CLASSIFIABLE;
            rois = List.of();
        }
        return new Selection(mode, rois, order.size(), seen.size(), background, high.size(), low.size(), exhaustive,
                tissue);
    }

    /** Half or more of the field's non-background tiles reach the low threshold. */
    private static boolean fieldPasses(List<TileAssessment> seen, List<TileAssessment> low) {
        long tissue = seen.stream().filter(a -> !a.background()).count();
        return tissue > 0 && 2L * low.size() >= tissue;
    }

    /** A uniformly random permutation (Fisher-Yates) fixed by the seed. */
    static <T> List<T> permuted(List<T> items, long seed) {
        List<T> out = new ArrayList<>(items);
        Collections.shuffle(out, new SplittableRandom(seed));
        return out;
    }

    /** A uniform n-subset, in random order. */
    static <T> List<T> draw(List<T> pool, int n, long seed) {
        return permuted(pool, seed).subList(0, n);
    }
}
