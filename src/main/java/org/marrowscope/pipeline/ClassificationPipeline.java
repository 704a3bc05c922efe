package org.marrowscope.pipeline;

import org.marrowscope.pipeline.result.Voting;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.result.ModelVote;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.pipeline.result.RunParameters;
import org.marrowscope.pipeline.result.SelectionSummary;
import org.marrowscope.pipeline.result.SlideIdentity;
import org.marrowscope.pipeline.result.Timings;
import org.marrowscope.pipeline.result.Vote;
import org.marrowscope.slide.MicronsPerPixel;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;

/** The two-stage pipeline (paper, Methods) on one slide: tiling, stage 1, stage 2, votes. */
public final class ClassificationPipeline {

    private final PipelineSettings settings;
    private final String software;

    public ClassificationPipeline(PipelineSettings settings, String software) {
        this.settings = settings;
        this.software = software;
    }

    /** Stage 1's model with what the result records about it. */
    public record QualityModel(ModelInfo info, QualityScorer scorer) {
    }

    /**
     * Classifies a slide. A slide with too few good tiles gives a result that says so, not an exception.
     *
     * @param readers pool that reads tiles while the models run (owned by the caller)
     * @throws PipelineException when reading or a model fails mid-run
     * @throws java.util.concurrent.CancellationException when cancelled (checked between batches)
     */
    public ClassificationResult run(Slide slide, QualityModel quality, List<TileClassifier> classifiers, String device,
            ExecutorService readers, Progress.Listener progress, CancellationToken cancel) throws SlideException, IOException {
        if (classifiers.isEmpty()) {
            throw new PipelineException("no classifier selected: at least one stage-2 model is needed");
        }
        List<String> classes = classifiers.getFirst().info().classes();
        for (TileClassifier c : classifiers) {
            if (!c.info().classes().equals(classes)) {
                throw new PipelineException("the classifiers disagree on their classes: " + classes + " vs "
                        + c.info().classes() + " (" + c.info().name() + "); an ensemble needs one class list");
            }
        }
        long start = System.nanoTime();
        double modelMpp = quality.info().micronsPerPixel();
        MicronsPerPixel mpp = SlideResolution.of(slide, settings.micronsPerPixelOverride(), modelMpp);
        TileGeometry geometry = TileGeometry.forScale(settings.tilePixels(), settings.stridePixels(), modelMpp, mpp.mean());
        TileReader reader = new TileReader(slide, geometry, settings.background(), settings.stain());

        progress.onProgress(new Progress(Stage.TISSUE_MASK, 0, 1, 0, device));
        List<Tile> grid = TileGrid.tiles(slide, geometry);
        TissueMask mask = TissueMask.of(slide, geometry);
        List<Tile> candidates = grid.stream().filter(t -> !mask.certainlyGlass(t)).toList();
        double maskSeconds = seconds(start);
        cancel.throwIfCancelled();

        long stage1Start = System.nanoTime();
        boolean field = slide.levelCount() == 1 && slide.format().startsWith("image/");
        Selection selection = new RoiSelector(settings.selection()).select(candidates,
                new SlideTileAssessor(reader, quality.scorer(), readers), field, progress, cancel, device);
        double stage1Seconds = seconds(stage1Start);

        // Stage 2 on the ROIs; when stage 1 found too few, the classifiers' domain checks still look at a sample
        // of the tissue, so "poor smear" and "not a marrow smear at all" are told apart.
        long stage2Start = System.nanoTime();
        List<TileAssessment> toClassify = selection.classifiable() ? selection.rois()
                : classifiers.stream().anyMatch(c -> c.calibration().map(k -> k.domain() != null).orElse(false))
                        ? selection.tissue() : List.of();
        List<TileClassifier.Scores> scores = toClassify.isEmpty() ? List.of()
                : classify(toClassify, reader, classifiers, readers, progress, cancel, device);
        double stage2Seconds = seconds(stage2Start);

        double tileMicrons = settings.tilePixels() * modelMpp;
        OutcomeJudge.Verdict verdict = OutcomeJudge.judge(new OutcomeJudge.Evidence(selection, field, grid.size(),
                slide.width() * mpp.x(), slide.height() * mpp.y(), tileMicrons, modelMpp, classifiers, scores,
                quality.info(), quality.scorer().domain().orElse(null), settings.selection().highThreshold(),
                settings.selection().lowThreshold(), settings.selection().roiCount()), settings.uncertainty());
        double total = seconds(start);
        Timings timings = new Timings(0, maskSeconds, stage1Seconds, stage2Seconds, total,
                selection.assessed() / Math.max(1e-9, stage1Seconds), toClassify.size() / Math.max(1e-9, stage2Seconds));
        List<RoiResult> rois = selection.classifiable() ? rois(selection.rois(), scores, classes) : List.of();
        return new ClassificationResult(ClassificationResult.FORMAT_VERSION, software, Instant.now().toString(),
                SlideIdentity.of(slide), parameters(mpp, modelMpp), verdict.outcome(), quality.info(),
                classifiers.stream().map(TileClassifier::info).toList(), device, timings,
                SelectionSummaries.of(selection, grid.size(), grid.size() - candidates.size()), rois, verdict.votes(),
                verdict.ensemble(), verdict.domain(), verdict.predictionSets(), verdict.predictionSetNote(),
                verdict.reasons(), List.of());
    }

    /** The parameters a run of this slide would record, e.g. to look for a saved result first. */
    public RunParameters parameters(Slide slide, double modelMpp) {
        return parameters(SlideResolution.of(slide, settings.micronsPerPixelOverride(), modelMpp), modelMpp);
    }

    private RunParameters parameters(MicronsPerPixel mpp, double modelMpp) {
        SelectionSettings s = settings.selection();
        return new RunParameters(settings.tilePixels(), settings.stridePixels(), mpp.mean(), mpp.source(), modelMpp,
                s.roiCount(), s.highThreshold(), s.lowThreshold(), s.seed(), settings.background().whiteMin(),
                settings.background().blackMax(), settings.stain() == null ? "none" : "reinhard",
                settings.stain() == null ? List.of() : settings.stain().asList(), settings.uncertainty().minimumMargin(),
                s.exhaustive());
    }

    /** Stage 2: each ROI batch is read once (on the reader pool) and given to every classifier. */
    private List<TileClassifier.Scores> classify(List<TileAssessment> rois, TileReader reader,
            List<TileClassifier> classifiers, ExecutorService readers, Progress.Listener progress, CancellationToken cancel,
            String device) {
        int n = rois.size();
        List<float[][]> probabilities = new ArrayList<>();
        List<double[]> distances = new ArrayList<>();
        for (int m = 0; m < classifiers.size(); m++) {
            probabilities.add(new float[n][]);
            distances.add(classifiers.get(m).calibration().map(c -> c.domain() != null).orElse(false) ? new double[n] : null);
        }
        int batchSize = settings.selection().batchSize();
        long start = System.nanoTime();
        try (ReadAhead<BufferedImage> batches = new ReadAhead<>(readers, rois.stream().map(TileAssessment::tile).toList(),
                batchSize, 2, reader::read)) {
            for (int from = 0; from < n; from += batchSize) {
                cancel.throwIfCancelled();
                List<BufferedImage> images = batches.next();
                for (int m = 0; m < classifiers.size(); m++) {
                    TileClassifier.Scores s = predict(classifiers.get(m), images);
                    System.arraycopy(s.probabilities(), 0, probabilities.get(m), from, s.probabilities().length);
                    if (distances.get(m) != null) {
                        System.arraycopy(s.distances(), 0, distances.get(m), from, s.distances().length);
                    }
                }
                int done = Math.min(n, from + batchSize);
                progress.onProgress(new Progress(Stage.CLASSIFICATION, done, n, done / Math.max(1e-9, seconds(start)), device));
            }
        }
        List<TileClassifier.Scores> out = new ArrayList<>();
        for (int m = 0; m < classifiers.size(); m++) {
            out.add(new TileClassifier.Scores(probabilities.get(m), distances.get(m)));
        }
        return out;
    }

    private static TileClassifier.Scores predict(TileClassifier classifier, List<BufferedImage> images) {
        try {
            TileClassifier.Scores s = classifier.scores(images);
            boolean checked = classifier.calibration().map(c -> c.domain() != null).orElse(false);
            if (s.probabilities().length != images.size() || (checked && (s.distances() == null
                    || s.distances().length != images.size()))) {
                throw new PipelineException(classifier.info().name() + " returned " + s.probabilities().length
                        + " predictions for " + images.size() + " tiles");
            }
            return s;
        } catch (PipelineException e) {
            throw e;
        } catch (Exception e) {
            throw new PipelineException("the classifier " + classifier.info().name() + " failed: " + e.getMessage(), e);
        }
    }

    private static List<RoiResult> rois(List<TileAssessment> rois, List<TileClassifier.Scores> scores,
            List<String> classes) {
        boolean anyChecked = scores.stream().anyMatch(s -> s.distances() != null);
        List<RoiResult> out = new ArrayList<>(rois.size());
        for (int i = 0; i < rois.size(); i++) {
            TileAssessment a = rois.get(i);
            List<float[]> probabilities = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            double[] distances = anyChecked ? new double[scores.size()] : new double[0];
            for (int m = 0; m < scores.size(); m++) {
                float[] p = scores.get(m).probabilities()[i];
                probabilities.add(p);
                labels.add(classes.get(Voting.argmax(p)));
                if (anyChecked) {
                    distances[m] = scores.get(m).distances() == null ? Double.NaN : scores.get(m).distances()[i];
                }
            }
            // The tile's ensemble label follows the slide's rule (most votes, then higher mean probability).
            String ensembleLabel = scores.isEmpty() ? null : Voting.tile(classes, probabilities).label();
            out.add(new RoiResult(i, a.tile().x(), a.tile().y(), a.tile().size(), a.quality(), probabilities, labels,
                    ensembleLabel, distances));
        }
        return out;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
