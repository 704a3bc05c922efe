package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ModelVote;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.pipeline.result.RunParameters;
import org.marrowscope.pipeline.result.SelectionSummary;
import org.marrowscope.pipeline.result.SlideIdentity;
import org.marrowscope.pipeline.result.Timings;
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
        MicronsPerPixel mpp = resolution(slide, modelMpp);
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

        long stage2Start = System.nanoTime();
        List<float[][]> perModel = selection.classifiable()
                ? classify(selection.rois(), reader, classifiers, readers, progress, cancel, device)
                : List.of();
        double stage2Seconds = seconds(stage2Start);

        List<ModelVote> votes = new ArrayList<>();
        Vote ensemble = null;
        List<String> reasons = List.of();
        if (selection.classifiable()) {
            for (int m = 0; m < classifiers.size(); m++) {
                votes.add(new ModelVote(classifiers.get(m).info(), Voting.vote(classes, perModel.get(m))));
            }
            ensemble = Voting.ensemble(classes, perModel);
            reasons = settings.uncertainty().reasons(ensemble, votes.stream().map(ModelVote::vote).toList());
        }
        double total = seconds(start);
        Timings timings = new Timings(0, maskSeconds, stage1Seconds, stage2Seconds, total,
                selection.assessed() / Math.max(1e-9, stage1Seconds), selection.rois().size() / Math.max(1e-9, stage2Seconds));
        return new ClassificationResult(ClassificationResult.FORMAT_VERSION, software, Instant.now().toString(), SlideIdentity.of(slide),
                parameters(mpp, modelMpp), quality.info(), classifiers.stream().map(TileClassifier::info).toList(), device,
                timings, SelectionSummary.of(selection, grid.size(), grid.size() - candidates.size()),
                rois(selection.rois(), perModel, classes), votes, ensemble, reasons);
    }

    /** Resampling by more than this factor either way is not a scan the models can read. */
    static final double MAX_SCALE_RATIO = 8;

    private MicronsPerPixel resolution(Slide slide, double modelMpp) {
        MicronsPerPixel mpp;
        if (settings.micronsPerPixelOverride() != null) {
            double v = settings.micronsPerPixelOverride();
            mpp = new MicronsPerPixel(v, v, "user");
        } else {
            mpp = slide.micronsPerPixel().orElseThrow(() -> new SlideUnsuitableException("The slide " + slide.path().getFileName()
                    + " does not say its resolution (microns per pixel), so tiles cannot be sized like the model's training"
                    + " tiles. Give it explicitly (e.g. --mpp 0.25 for a 40x scan, about 0.1 for a 100x oil-immersion field)."));
        }
        double ratio = mpp.mean() / modelMpp;
        if (ratio > MAX_SCALE_RATIO || ratio < 1 / MAX_SCALE_RATIO) {
            throw new SlideUnsuitableException(String.format(java.util.Locale.ROOT, "The slide %s is at %.4g um/px (from %s) but the"
                    + " models read %.4g um/px: a factor of %.3g is not a microscope scan they can classify. If the file's"
                    + " calibration is wrong, give the right one (e.g. --mpp 0.25 for a 40x scan).",
                    slide.path().getFileName(), mpp.mean(), mpp.source(), modelMpp, ratio));
        }
        return mpp;
    }

    /** The parameters a run of this slide would record, e.g. to look for a saved result first. */
    public RunParameters parameters(Slide slide, double modelMpp) {
        return parameters(resolution(slide, modelMpp), modelMpp);
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
    private List<float[][]> classify(List<TileAssessment> rois, TileReader reader, List<TileClassifier> classifiers,
            ExecutorService readers, Progress.Listener progress, CancellationToken cancel, String device) {
        int n = rois.size();
        List<float[][]> out = new ArrayList<>();
        for (int m = 0; m < classifiers.size(); m++) {
            out.add(new float[n][]);
        }
        int batchSize = settings.selection().batchSize();
        long start = System.nanoTime();
        try (ReadAhead<BufferedImage> batches = new ReadAhead<>(readers, rois.stream().map(TileAssessment::tile).toList(),
                batchSize, 2, reader::read)) {
            for (int from = 0; from < n; from += batchSize) {
                cancel.throwIfCancelled();
                List<BufferedImage> images = batches.next();
                for (int m = 0; m < classifiers.size(); m++) {
                    float[][] p = predict(classifiers.get(m), images);
                    System.arraycopy(p, 0, out.get(m), from, p.length);
                }
                int done = Math.min(n, from + batchSize);
                progress.onProgress(new Progress(Stage.CLASSIFICATION, done, n, done / Math.max(1e-9, seconds(start)), device));
            }
        }
        return out;
    }

    private static float[][] predict(TileClassifier classifier, List<BufferedImage> images) {
        try {
            float[][] p = classifier.probabilities(images);
            if (p.length != images.size()) {
                throw new PipelineException(classifier.info().name() + " returned " + p.length + " predictions for "
                        + images.size() + " tiles");
            }
            return p;
        } catch (PipelineException e) {
            throw e;
        } catch (Exception e) {
            throw new PipelineException("the classifier " + classifier.info().name() + " failed: " + e.getMessage(), e);
        }
    }

    private static List<RoiResult> rois(List<TileAssessment> rois, List<float[][]> perModel, List<String> classes) {
        List<RoiResult> out = new ArrayList<>(rois.size());
        for (int i = 0; i < rois.size(); i++) {
            TileAssessment a = rois.get(i);
            List<float[]> probabilities = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            int[] votes = new int[classes.size()];
            for (float[][] model : perModel) {
                int label = Voting.argmax(model[i]);
                probabilities.add(model[i]);
                labels.add(classes.get(label));
                votes[label]++;
            }
            String ensembleLabel = perModel.isEmpty() ? null : classes.get(ensembleTileLabel(votes, labels, classes));
            out.add(new RoiResult(i, a.tile().x(), a.tile().y(), a.tile().size(), a.quality(), probabilities, labels,
                    ensembleLabel));
        }
        return out;
    }

    /** Most votes among the models for this tile; ties go to the first model's label. */
    private static int ensembleTileLabel(int[] votes, List<String> labels, List<String> classes) {
        int best = classes.indexOf(labels.getFirst());
        for (int c = 0; c < votes.length; c++) {
            if (votes[c] > votes[best]) {
                best = c;
            }
        }
        return best;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }
}
