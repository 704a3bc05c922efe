package org.marrowscope.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.marrowscope.labels.LabelFileException;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.ModelManifest.Provenance;
import org.marrowscope.model.ModelManifest.Role;
import org.marrowscope.model.ModelManifest.Split;
import org.marrowscope.model.ModelManifest.Training;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.slide.SlideException;
import org.marrowscope.train.TileSource.SlideTile;

/**
 * Stage 1: trains (or fine-tunes) the binary tile-quality model on good/poor labelled tiles. Tiles of one slide
 * stay on one side of the training/validation division, since the grid's tiles overlap by half and a
 * neighbour would otherwise leak into validation. The settings choose the checkpoint metric (balanced accuracy
 * for stage 1: good tiles far outnumber poor ones) and whether classes are weighted inversely to their size; tiles
 * are flipped, turned and, by default, slightly recoloured ({@link Augmentation#QUALITY}).
 */
public final class QualityTraining {

    /**
     * What to train.
     *
     * @param startFrom a quality bundle: the untrained template, or the current model to fine-tune (the paper's
     *     human-in-the-loop cycle: old and corrected tiles together)
     * @param labels label CSVs and/or good/poor folders; every tile once
     * @param out the bundle to write
     * @param work caches and checkpoints (rerunning with the same inputs resumes)
     * @param augmentation changes applied to training tiles (e.g. {@link Augmentation#QUALITY})
     * @param validationFraction fraction of slides (or of pictures) for validation
     * @param splitSeed seed of that division
     * @param demo mark the bundle as a demonstration model
     * @param trainingData what the tiles are, for the provenance (null: described from the label files)
     */
    public record Request(Path startFrom, List<Path> labels, Path out, Path work, String name, String version,
            TrainingSettings settings, Augmentation augmentation, double validationFraction, long splitSeed,
            int threads, String device, boolean demo, String trainingData, String intendedUse) {
    }

    private QualityTraining() {
    }

    public static TrainingReport run(Request r, TrainingListener listener, CancellationToken cancel)
            throws IOException, LabelFileException, SlideException, ModelBundleException {
        ModelManifest start = ModelBundle.verify(r.startFrom());
        if (start.role() != Role.QUALITY) {
            throw new IllegalArgumentException(r.startFrom() + " is a " + start.role().name().toLowerCase(Locale.ROOT)
                    + " bundle; stage-1 training starts from a quality bundle (e.g. models/templates/demo-quality)");
        }
        List<QualitySample> samples = QualityLabels.readAll(r.labels());
        int good = start.goodIndex();
        List<List<QualitySample>> groups = groups(samples);
        if (groups.size() < 2) {
            throw new IllegalArgumentException("stage-1 training needs at least 2 labelled tiles");
        }
        List<List<QualitySample>> order = new ArrayList<>(groups);
        Collections.shuffle(order, new SplittableRandom(r.splitSeed()));
        int validationGroups = Math.clamp(Math.round(order.size() * r.validationFraction()), 1, order.size() - 1);
        List<QualitySample> validation = order.subList(0, validationGroups).stream().flatMap(List::stream).toList();
        List<QualitySample> train = order.subList(validationGroups, order.size()).stream().flatMap(List::stream).toList();
        ModelTrainer.Data data = new ModelTrainer.Data(sources(train), labels(train, good), sources(validation),
                labels(validation, good));
        ModelTrainer.Trained trained = ModelTrainer.train(r.startFrom(), data, r.augmentation(),
                r.settings(), r.work(), r.work().resolve("cache"), r.threads(), r.device(), listener, cancel);
        TrainingLoop.Outcome o = trained.outcome();
        EpochResult best = o.best();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validationAccuracy", round(best.validationAccuracy()));
        metrics.put("validationBalancedAccuracy", round(best.validationBalancedAccuracy()));
        long goodTiles = samples.stream().filter(QualitySample::good).count();
        String described = r.trainingData() != null ? r.trainingData() : String.format(Locale.ROOT,
                "%d labelled tiles (%d good, %d poor) from %s", samples.size(), goodTiles, samples.size() - goodTiles,
                String.join(", ", r.labels().stream().map(p -> p.getFileName().toString()).toList()));
        boolean bySlide = samples.stream().anyMatch(s -> s.source() instanceof SlideTile);
        Split split = new Split(bySlide ? "by slide (a slide's tiles stay together), seeded shuffle"
                : "by picture, seeded shuffle", List.of(1 - r.validationFraction(), r.validationFraction(), 0.0),
                r.splitSeed(), order.size() - validationGroups, validationGroups, 0);
        Training training = training(start, r.settings(), r.augmentation(), trained);
        Provenance provenance = new Provenance(described, LocalDate.now().toString(), r.settings().seed(), metrics,
                trainedBy(), split, training);
        ModelManifest written = BundleWriter.write(r.out(), start, trained.bestWeights(), r.name(), r.version(), r.demo(),
                provenance, r.intendedUse());
        List<String> notes = trained.resumedEpochs() > 0
                ? List.of("resumed after epoch " + trained.resumedEpochs() + " of an interrupted run") : List.of();
        return new TrainingReport(r.out(), written, o.history(), o.bestEpoch(), train.size(), validation.size(),
                o.seconds(), o.imagesPerSecond(), metrics, notes);
    }

    /** Tiles grouped by slide (pictures each on their own); groups in first-seen order. */
    static List<List<QualitySample>> groups(List<QualitySample> samples) {
        Map<Object, List<QualitySample>> bySlide = new LinkedHashMap<>();
        for (QualitySample s : samples) {
            Object key = s.source() instanceof SlideTile t ? t.slide() : s.source();
            bySlide.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        if (bySlide.size() >= 2) {
            return List.copyOf(bySlide.values());
        }
        // One slide only: divide its tiles (overlapping neighbours may then sit on both sides; said in the split).
        return samples.stream().map(List::of).toList();
    }

    static Training training(ModelManifest start, TrainingSettings s, Augmentation augmentation,
            ModelTrainer.Trained trained) {
        TrainingLoop.Outcome o = trained.outcome();
        return new Training(start.name() + " " + start.version() + (start.provenance().trainingData().startsWith("none")
                ? " (untrained template)" : ""), s.headEpochs(), s.epochs(), o.bestEpoch(), s.batchSize(),
                s.headLearningRate(), s.learningRate(), s.momentum(), augmentation.describe()
                + (s.classWeights() ? "; loss weighted inversely to class size" : ""), trained.device(),
                round(o.seconds()), round(o.imagesPerSecond()));
    }

    static String trainedBy() {
        Package p = QualityTraining.class.getPackage();
        String version = p == null ? null : p.getImplementationVersion();
        return "marrowscope train" + (version == null ? "" : " " + version);
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static List<TileSource> sources(List<QualitySample> samples) {
        return samples.stream().map(QualitySample::source).toList();
    }

    private static int[] labels(List<QualitySample> samples, int goodIndex) {
        return samples.stream().mapToInt(s -> s.good() ? goodIndex : 1 - goodIndex).toArray();
    }
}
