package org.marrowscope.train;

import org.marrowscope.labels.DiagnosisLabels;
import org.marrowscope.labels.LabelFileException;
import org.marrowscope.labels.LabelledSlide;
import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.marrowscope.calibration.ConformalCalibration;
import org.marrowscope.calibration.ConformalCalibration.CalibrationSlide;
import org.marrowscope.calibration.DomainCheck;
import org.marrowscope.calibration.DomainFit;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.calibration.Temperature;
import org.marrowscope.model.CalibrationFiles;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.QualityModel;
import org.marrowscope.model.TileOutputs;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.slide.SlideException;

/**
 * Derives every model's {@code calibration.json} from labelled slides, leaving the weights untouched:
 *
 * <ol>
 *   <li>the training slides (the same per-patient split as training) give each model's class means and shared
 *       covariance of its features; the validation slides give the domain check's tile threshold (99th
 *       percentile) and slide fraction, and the classifiers' temperatures (see {@link DomainFit},
 *       {@link Temperature});
 *   <li>a separate cohort of calibration slides, seen by no training step, gives the classifiers' slide-level
 *       conformal scores; only slides that would be classified (enough good tiles, inside every model's domain)
 *       enter, so the prediction sets are calibrated for exactly the slides that get them.
 * </ol>
 *
 * The quality model's classes are "good" and "poor" as it calls them (its argmax): its own labels are tile
 * reviews, not slide diagnoses. The bundles are written anew under {@code out} with the given version.
 */
public final class CalibrationDerivation {

    /**
     * @param quality the stage-1 bundle
     * @param classifiers the stage-2 bundles
     * @param trainingLabels the labels file the classifiers were trained from (slide,diagnosis[,patient])
     * @param fractions the training split's fractions (0.6, 0.2, 0.2)
     * @param splitSeed the training split's seed
     * @param calibrationLabels labelled slides held out from training, for the conformal scores
     * @param out models folder to write the calibrated bundles into (one folder per model, by name)
     * @param version the calibrated bundles' version
     * @param description how the slides were made, for calibration.json's derivedFrom
     * @param rois ROIs per slide, as classification selects them (200)
     * @param randomTiles random non-background tiles per slide shown to the quality model besides the ROIs
     */
    public record Request(Path quality, List<Path> classifiers, Path trainingLabels, double[] fractions, long splitSeed,
            Path calibrationLabels, Path out, String version, String description, int rois, int randomTiles,
            int threads, String device) {
    }

    private CalibrationDerivation() {
    }

    public static Map<String, Object> run(Request r, TrainingListener listener, CancellationToken cancel)
            throws IOException, LabelFileException, SlideException, ModelBundleException {
        Device device = r.device() == null ? Device.cpu() : TorchRuntime.device(r.device());
        QualityModel quality = new QualityModel(ModelBundle.load(r.quality(), device));
        List<Classifier> classifiers = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, r.threads()));
        try {
            for (Path p : r.classifiers()) {
                classifiers.add(new Classifier(ModelBundle.load(p, device)));
            }
            List<String> classes = classifiers.getFirst().classes();
            PatientSplit split = PatientSplit.of(DiagnosisLabels.read(r.trainingLabels(), classes), r.fractions(),
                    r.splitSeed());
            SelectionSettings selection = SelectionSettings.PAPER.withRoiCount(r.rois());
            List<FeatureHarvest> train = harvest("training slides", split.train(), quality, classifiers, selection, r,
                    readers, listener, cancel);
            List<FeatureHarvest> validation = harvest("validation slides", split.validation(), quality, classifiers,
                    selection, r, readers, listener, cancel);
            String date = LocalDate.now().toString();
            Map<String, Object> summary = new LinkedHashMap<>();
            listener.onTask("Fitting domain checks and temperatures", 0, 1);
            ModelCalibration qualityCalibration = new ModelCalibration(ModelCalibration.FORMAT_VERSION, null,
                    qualityDomain(train, validation), null, r.description(), date);
            List<ModelCalibration> fitted = new ArrayList<>();
            for (int m = 0; m < classifiers.size(); m++) {
                fitted.add(fitClassifier(m, classes.size(), train, validation, r.description(), date));
            }
            List<FeatureHarvest> cohort = harvest("calibration slides",
                    DiagnosisLabels.read(r.calibrationLabels(), classes), quality, classifiers, selection, r, readers,
                    listener, cancel);
            List<List<CalibrationSlide>> conformal = ConformalScores.of(cohort, fitted, qualityCalibration.domain(),
                    classes.size(), summary);
            summary.put("quality", describe(quality.bundle().manifest(), qualityCalibration));
            write(r, quality.bundle(), qualityCalibration, summary);
            for (int m = 0; m < classifiers.size(); m++) {
                ModelCalibration c = fitted.get(m);
                ModelCalibration withSets = new ModelCalibration(c.formatVersion(), c.temperature(), c.domain(),
                        new ConformalCalibration(ConformalCalibration.SCORE, r.description(), conformal.get(m)),
                        c.derivedFrom(), c.date());
                write(r, classifiers.get(m).bundle(), withSets, summary);
            }
            return summary;
        } finally {
            readers.shutdownNow();
            classifiers.forEach(Classifier::close);
            quality.close();
        }
    }

    private static List<FeatureHarvest> harvest(String what, List<LabelledSlide> slides, QualityModel quality,
            List<Classifier> classifiers, SelectionSettings selection, Request r, ExecutorService readers,
            TrainingListener listener, CancellationToken cancel) throws SlideException {
        List<FeatureHarvest> out = new ArrayList<>();
        for (int i = 0; i < slides.size(); i++) {
            cancel.throwIfCancelled();
            listener.onTask("Calibration: " + what, i, slides.size());
            out.add(FeatureHarvest.of(slides.get(i), quality, classifiers, selection, r.randomTiles(), readers, cancel));
        }
        listener.onTask("Calibration: " + what, slides.size(), slides.size());
        return out;
    }

    private static ModelCalibration fitClassifier(int m, int classes, List<FeatureHarvest> train,
            List<FeatureHarvest> validation, String description, String date) {
        List<float[]> features = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (FeatureHarvest h : train) {
            for (float[] f : h.perClassifier().get(m).features()) {
                features.add(f);
                labels.add(h.classIndex());
            }
        }
        List<float[]> heldOut = new ArrayList<>();
        List<List<float[]>> perSlide = new ArrayList<>();
        List<float[]> logits = new ArrayList<>();
        List<Integer> logitLabels = new ArrayList<>();
        for (FeatureHarvest h : validation) {
            TileOutputs o = h.perClassifier().get(m);
            heldOut.addAll(List.of(o.features()));
            perSlide.add(List.of(o.features()));
            for (float[] l : o.logits()) {
                logits.add(l);
                logitLabels.add(h.classIndex());
            }
        }
        for (int c = 0; c < classes; c++) {
            if (!labels.contains(c)) {
                throw new IllegalArgumentException("the training slides have no slide of class " + c + " ("
                        + "every class needs training tiles for the classifiers' domain checks)");
            }
        }
        int k = features.getFirst().length;
        DomainCheck domain = DomainFit.fit("penultimate layer (output of the features stage), global average pool, "
                + k + " values", features, ints(labels), classes, heldOut, perSlide);
        Temperature t = Temperature.fit(logits.toArray(float[][]::new), ints(logitLabels));
        return new ModelCalibration(ModelCalibration.FORMAT_VERSION, t, domain, null, description, date);
    }

    /** The quality model's check on its logits, its classes being its own calls (argmax). */
    private static DomainCheck qualityDomain(List<FeatureHarvest> train, List<FeatureHarvest> validation) {
        List<float[]> features = new ArrayList<>();
        for (FeatureHarvest h : train) {
            features.addAll(List.of(h.quality().features()));
        }
        int[] labels = features.stream().mapToInt(FeatureHarvest::argmax).toArray();
        List<float[]> heldOut = new ArrayList<>();
        List<List<float[]>> perSlide = new ArrayList<>();
        for (FeatureHarvest h : validation) {
            heldOut.addAll(List.of(h.quality().features()));
            perSlide.add(List.of(h.quality().features()));
        }
        return DomainFit.fit("logits (a single-file model exposes no inner layer), " + features.getFirst().length
                + " values", features, labels, features.getFirst().length, heldOut, perSlide);
    }

    private static void write(Request r, ModelBundle bundle, ModelCalibration calibration, Map<String, Object> summary)
            throws IOException, ModelBundleException {
        ModelManifest m = bundle.manifest();
        BundleWriter.write(r.out().resolve(m.name()), m, bundle.directory(), m.name(), r.version(),
                Boolean.TRUE.equals(m.demo()), m.provenance(), m.intendedUse(), CalibrationFiles.bytes(calibration));
        summary.putIfAbsent(m.name(), describe(m, calibration));
    }

    private static Map<String, Object> describe(ModelManifest m, ModelCalibration c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("role", m.role().name().toLowerCase(java.util.Locale.ROOT));
        out.put("temperature", c.temperature());
        out.put("domainTileThreshold", c.domain().tileThreshold());
        out.put("domainSlideFraction", c.domain().slideFraction());
        out.put("domainFit", c.domain().fit());
        out.put("conformalSlides", c.conformal() == null ? 0 : c.conformal().slides().size());
        return out;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
