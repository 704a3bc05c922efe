package org.marrowscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.marrowscope.labels.DiagnosisLabels;
import org.marrowscope.labels.LabelFileException;
import org.marrowscope.labels.LabelledSlide;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.ModelManifest.Provenance;
import org.marrowscope.model.ModelManifest.Role;
import org.marrowscope.model.ModelManifest.Split;
import org.marrowscope.model.QualityModel;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.Selection;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.pipeline.TileAssessment;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.result.Voting;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;
import org.marrowscope.train.TileSource.SlideTile;

/**
 * Stage 2 (paper, Methods): trains a classifier on the stage-1-selected ROIs of slides with a diagnosis. Each
 * slide is represented by the 200 tiles the pipeline's own stage 1 selects with the given quality model (or,
 * for the ablation, 200 random non-background tiles); the slides are split per patient 6:2:2; every ROI
 * inherits its slide's diagnosis; the loss is weighted inversely to class size; training tiles are flipped,
 * rotated by any angle and zoomed 90-110%; the head is trained first, then the whole network, and the epoch
 * with the best validation accuracy is kept. The held-out test slides are then classified at tile and patient
 * (majority vote) level and the results go into the bundle's provenance.
 */
public final class ClassifierTraining {

    /**
     * What to train.
     *
     * @param startFrom a classifier bundle: an untrained template or a model to fine-tune
     * @param labels CSV {@code slide,diagnosis[,patient]}
     * @param qualityModel the stage-1 bundle that selects the ROIs (its resolution also sizes the tiles); may be
     *     null in {@link RoiSampler.Mode#RANDOM} mode, where tiles are sized at the classifier's resolution
     * @param mode quality-selected ROIs, or random tiles for the ablation
     * @param rois ROIs per slide (200)
     * @param selectionSeed seed of the ROI draw
     * @param augmentation changes applied to training tiles ({@link Augmentation#PAPER}: flips, rotation, zoom)
     * @param fractions train, validation, test fractions (0.6, 0.2, 0.2)
     * @param shared folder for the ROI choices and tile caches, which trainings on the same slides can share
     *     (null: inside {@code work})
     * @param splitSeed seed of the split
     * @param trainingData what the slides are, for the provenance (null: described from the labels file)
     */
    public record Request(Path startFrom, Path labels, Path qualityModel, RoiSampler.Mode mode, int rois,
            long selectionSeed, Path out, Path work, Path shared, String name, String version, TrainingSettings settings,
            Augmentation augmentation, double[] fractions, long splitSeed, int threads, String device, boolean demo,
            String trainingData, String intendedUse) {
    }

    private ClassifierTraining() {
    }

    public static TrainingReport run(Request r, TrainingListener listener, CancellationToken cancel)
            throws IOException, LabelFileException, SlideException, ModelBundleException {
        ModelManifest start = ModelBundle.verify(r.startFrom());
        if (start.role() != Role.CLASSIFIER) {
            throw new IllegalArgumentException(r.startFrom() + " is a quality bundle; stage-2 training starts from a"
                    + " classifier bundle (e.g. models/templates/demo-resnet)");
        }
        if (r.mode() == RoiSampler.Mode.QUALITY_SELECTED && r.qualityModel() == null) {
            throw new IllegalArgumentException("quality-selected ROIs need a quality model (--quality-model)");
        }
        List<LabelledSlide> slides = DiagnosisLabels.read(r.labels(), start.classes());
        List<String> notes = new ArrayList<>();
        Map<LabelledSlide, List<SlideTile>> tiles = representTiles(r, start, slides, notes, listener, cancel);
        List<LabelledSlide> kept = slides.stream().filter(tiles::containsKey).toList();
        PatientSplit split = PatientSplit.of(kept, r.fractions(), r.splitSeed());
        if (split.train().isEmpty() || split.validation().isEmpty()) {
            throw new IllegalArgumentException("too few usable slides to split (" + kept.size() + "): training and"
                    + " validation each need at least one slide");
        }
        ModelTrainer.Data data = new ModelTrainer.Data(sources(split.train(), tiles), labels(split.train(), tiles),
                sources(split.validation(), tiles), labels(split.validation(), tiles));
        Path work = r.work();
        ModelTrainer.Trained trained = ModelTrainer.train(r.startFrom(), data, r.augmentation(), r.settings(), work,
                shared(r).resolve("cache"), r.threads(), r.device(), listener, cancel);
        TrainingLoop.Outcome o = trained.outcome();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validationAccuracy", QualityTraining.round(o.best().validationAccuracy()));
        metrics.put("validationBalancedAccuracy", QualityTraining.round(o.best().validationBalancedAccuracy()));
        if (!split.test().isEmpty()) {
            testMetrics(r, start, split.test(), tiles, trained, metrics, listener, cancel);
        }
        String described = r.trainingData() != null ? r.trainingData() : String.format(Locale.ROOT,
                "%d slides from %s, %d %s tiles each", kept.size(), r.labels().getFileName(), r.rois(),
                r.mode() == RoiSampler.Mode.RANDOM ? "random non-background" : "stage-1-selected");
        Split provenanceSplit = new Split(PatientSplit.METHOD, List.of(r.fractions()[0], r.fractions()[1],
                r.fractions()[2]), r.splitSeed(), split.train().size(), split.validation().size(), split.test().size());
        Provenance provenance = new Provenance(described, LocalDate.now().toString(), r.settings().seed(), metrics,
                QualityTraining.trainedBy(), provenanceSplit,
                QualityTraining.training(start, r.settings(), r.augmentation(), trained));
        ModelManifest written = BundleWriter.write(r.out(), start, trained.bestWeights(), r.name(), r.version(),
                r.demo(), provenance, r.intendedUse());
        if (trained.resumedEpochs() > 0) {
            notes.add("resumed after epoch " + trained.resumedEpochs() + " of an interrupted run");
        }
        return new TrainingReport(r.out(), written, o.history(), o.bestEpoch(), data.train().size(),
                data.validation().size(), o.seconds(), o.imagesPerSecond(), metrics, notes);
    }

    /** The tiles of each usable slide; slides stage 1 cannot classify are left out (the paper excluded them). */
    private static Map<LabelledSlide, List<SlideTile>> representTiles(Request r, ModelManifest start,
            List<LabelledSlide> slides, List<String> notes, TrainingListener listener, CancellationToken cancel)
            throws IOException, SlideException, ModelBundleException {
        RoiStore store = new RoiStore(shared(r).resolve("rois"));
        Map<LabelledSlide, List<SlideTile>> out = new LinkedHashMap<>();
        QualityModel quality = null;
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, r.threads()), run -> {
            Thread t = new Thread(run, "marrowscope-roi-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            String choice;
            double mpp;
            if (r.mode() == RoiSampler.Mode.QUALITY_SELECTED) {
                ModelManifest q = ModelBundle.verify(r.qualityModel());
                mpp = q.input().micronsPerPixel();
                choice = "quality|" + bundleHash(q) + "|" + r.rois() + "|" + r.selectionSeed();
            } else {
                mpp = r.qualityModel() != null ? ModelBundle.verify(r.qualityModel()).input().micronsPerPixel()
                        : start.input().micronsPerPixel();
                choice = "random|" + mpp + "|" + r.rois() + "|" + r.selectionSeed();
            }
            for (int i = 0; i < slides.size(); i++) {
                cancel.throwIfCancelled();
                listener.onTask(r.mode() == RoiSampler.Mode.RANDOM ? "Drawing random tiles" : "Stage 1: selecting ROIs",
                        i, slides.size());
                LabelledSlide s = slides.get(i);
                RoiStore.Entry entry = store.find(s.slide(), choice);
                if (entry == null) {
                    if (quality == null && r.mode() == RoiSampler.Mode.QUALITY_SELECTED) {
                        quality = r.device() == null ? QualityModel.load(r.qualityModel())
                                : new QualityModel(ModelBundle.load(r.qualityModel(), TorchRuntime.device(r.device())));
                    }
                    entry = choose(r, s.slide(), mpp, quality, readers, cancel);
                    store.save(s.slide(), choice, entry);
                }
                if (entry.tiles().size() < r.rois()) {
                    notes.add(s.slide().getFileName() + " left out: " + (r.mode() == RoiSampler.Mode.RANDOM
                            ? "only " + entry.tiles().size() + " non-background tiles"
                            : "not classifiable (fewer than " + r.rois() + " tiles with p(good) >= 0.5)"));
                    listener.onMessage(notes.getLast());
                    continue;
                }
                out.put(s, entry.tiles());
            }
            listener.onTask(r.mode() == RoiSampler.Mode.RANDOM ? "Drawing random tiles" : "Stage 1: selecting ROIs",
                    slides.size(), slides.size());
            return out;
        } finally {
            readers.shutdownNow();
            if (quality != null) {
                quality.close();
            }
        }
    }

    private static RoiStore.Entry choose(Request r, java.nio.file.Path path, double mpp, QualityModel quality,
            ExecutorService readers, CancellationToken cancel) throws SlideException {
        try (Slide slide = Slides.open(path)) {
            TileGeometry geometry = RoiSampler.geometry(slide, mpp);
            if (r.mode() == RoiSampler.Mode.RANDOM) {
                List<SlideTile> tiles = RoiSampler.random(slide, geometry, r.rois(), r.selectionSeed()).stream()
                        .map(t -> new SlideTile(path, t.x(), t.y(), t.size())).toList();
                return new RoiStore.Entry("RANDOM", tiles);
            }
            SelectionSettings settings = SelectionSettings.PAPER.withRoiCount(r.rois()).withSeed(r.selectionSeed());
            Selection selection = RoiSampler.qualitySelected(slide, geometry, quality::score, settings, readers, cancel);
            List<SlideTile> tiles = selection.rois().stream().map(TileAssessment::tile)
                    .map(t -> new SlideTile(path, t.x(), t.y(), t.size())).toList();
            return new RoiStore.Entry(selection.mode().name(), tiles);
        }
    }

    /** Tile and patient (majority vote) accuracy on the held-out test slides, added to {@code metrics}. */
    private static void testMetrics(Request r, ModelManifest start, List<LabelledSlide> test,
            Map<LabelledSlide, List<SlideTile>> tiles, ModelTrainer.Trained trained, Map<String, Double> metrics,
            TrainingListener listener, CancellationToken cancel) throws IOException, SlideException {
        List<TileSource> sources = sources(test, tiles);
        float[][] p = ModelTrainer.probabilities(trained.bestWeights(), start, "test", sources,
                shared(r).resolve("cache"), r.threads(),
                r.device(), listener, cancel);
        int offset = 0;
        int tileRight = 0;
        int patientRight = 0;
        for (LabelledSlide s : test) {
            int n = tiles.get(s).size();
            float[][] slide = java.util.Arrays.copyOfRange(p, offset, offset + n);
            for (float[] row : slide) {
                tileRight += Voting.argmax(row) == s.classIndex() ? 1 : 0;
            }
            patientRight += Voting.vote(start.classes(), slide).winner() == s.classIndex() ? 1 : 0;
            offset += n;
        }
        metrics.put("testTileAccuracy", QualityTraining.round((double) tileRight / sources.size()));
        metrics.put("testPatientAccuracy", QualityTraining.round((double) patientRight / test.size()));
    }

    private static Path shared(Request r) {
        return r.shared() != null ? r.shared() : r.work();
    }

    private static List<TileSource> sources(List<LabelledSlide> slides, Map<LabelledSlide, List<SlideTile>> tiles) {
        List<TileSource> out = new ArrayList<>();
        for (LabelledSlide s : slides) {
            out.addAll(tiles.get(s));
        }
        return out;
    }

    private static int[] labels(List<LabelledSlide> slides, Map<LabelledSlide, List<SlideTile>> tiles) {
        return slides.stream().flatMapToInt(s -> java.util.stream.IntStream.generate(s::classIndex)
                .limit(tiles.get(s).size())).toArray();
    }

    private static String bundleHash(ModelManifest m) {
        StringBuilder sb = new StringBuilder();
        m.files().forEach(f -> sb.append(f.path()).append('=').append(f.sha256()).append(';'));
        return sb.toString();
    }
}
