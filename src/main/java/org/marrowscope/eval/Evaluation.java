package org.marrowscope.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.result.Vote;
import org.marrowscope.pipeline.result.Voting;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.Outcome;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelSelection;
import org.marrowscope.slide.SlideException;
import org.marrowscope.labels.DiagnosisLabels;
import org.marrowscope.labels.LabelFileException;
import org.marrowscope.labels.LabelledSlide;

/**
 * The paper's evaluation of a labelled cohort: every slide is classified by the real pipeline (results saved
 * and reused), then tile level (all ROIs pooled), patient level (each model's majority vote) and ensemble level
 * (the pooled vote) are scored with accuracy, balanced accuracy, macro F1 and micro/macro one-vs-rest ROC AUC
 * with bootstrap intervals; a Wilcoxon signed-rank test compares patient and tile accuracy across models; and
 * the ablation scores the classifiers on random non-background tiles instead of stage 1's ROIs.
 */
public final class Evaluation {

    /** Progress of a run (on the evaluating thread). */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void onTask(String task, long done, long total) {
        }

        default void onMessage(String message) {
        }
    }

    /**
     * What to evaluate.
     *
     * @param labels CSV slide,diagnosis[,patient]
     * @param slides folder relative slide paths are resolved against (null: the labels file's folder)
     * @param models the quality model and the classifiers (the ensemble)
     * @param ablationModel a classifier trained on random tiles, scored on random tiles (the paper's ablation);
     *     null for none
     * @param ablation whether to run the ablation at all
     * @param randomTiles random non-background tiles per slide in the ablation (200)
     * @param randomSeed seed of the random tiles
     * @param bootstrap intervals
     * @param results folder for the per-slide result JSON
     * @param reuse reuse saved results of the same slide, models and parameters
     * @param settings the pipeline's settings
     * @param device "auto", "cpu", "gpu", "gpu:N", or null
     * @param threads tile-reading threads
     */
    public record Request(Path labels, Path slides, ModelSelection models, Path ablationModel, boolean ablation,
            int randomTiles, long randomSeed, Bootstrap bootstrap, Path results, boolean reuse, PipelineSettings settings,
            String device, int threads, String software) {
    }

    private Evaluation() {
    }

    public static EvaluationReport run(Request r, Listener listener, CancellationToken cancel)
            throws IOException, LabelFileException, ModelBundleException, SlideException {
        List<ModelManifest> classifiers = new ArrayList<>();
        for (Path p : r.models().classifiers()) {
            classifiers.add(ModelBundle.verify(p));
        }
        List<String> classes = classifiers.getFirst().classes();
        List<LabelledSlide> slides = DiagnosisLabels.read(r.labels(), classes,
                r.slides() != null ? r.slides().toAbsolutePath() : r.labels().toAbsolutePath().getParent());
        List<ClassificationResult> all = new ArrayList<>();
        try (InferenceService service = new InferenceService(r.software(), r.threads())) {
            for (int i = 0; i < slides.size(); i++) {
                listener.onTask("Classifying slides", i, slides.size());
                LabelledSlide s = slides.get(i);
                all.add(service.classify(new ClassifyRequest(s.slide(), r.models(), r.settings(), r.results(), r.reuse(),
                        r.device()), Progress.Listener.NONE, cancel).result());
            }
            listener.onTask("Classifying slides", slides.size(), slides.size());
        }
        Partition p = Partition.of(r.labels(), slides, all, listener);
        List<LevelResult> ablation = new ArrayList<>();
        List<List<org.marrowscope.pipeline.Tile>> randomTiles = new ArrayList<>();
        if (r.ablation()) {
            ablation = Ablation.run(r, classes, p.kept(), randomTiles, listener, cancel);
        }
        return report(r.labels(), classes, classifiers.stream().map(ModelManifest::name).toList(), slides.size(), p,
                List.of(), r.bootstrap(), ablation, randomTiles, r.software(), listener);
    }

    /**
     * The same metrics for results computed elsewhere (the cohort job classifies on many machines): levels,
     * intervals, the Wilcoxon test, trust and ground-truth checks exactly as {@link #run} computes them, without
     * the random-tile ablation (it reads every slide again).
     *
     * @param slides the labelled slides that have a result, in the order of {@code results}
     * @param results their results, refused ones included (they count as refusals, as in {@link #run})
     * @param failed names of labelled slides that could not be classified at all (an error, not a refusal); they
     *     are listed under {@code cohort.failed} and count in {@code cohort.slides} only
     * @param classifierNames the classifiers' names, in the results' order
     */
    public static EvaluationReport score(Path labels, List<String> classes, List<String> classifierNames,
            List<LabelledSlide> slides, List<ClassificationResult> results, List<String> failed, Bootstrap bootstrap,
            String software, Listener listener) throws IOException {
        if (slides.size() != results.size()) {
            throw new IllegalArgumentException(slides.size() + " slides but " + results.size() + " results");
        }
        Partition p = Partition.of(labels, slides, results, listener);
        return report(labels, classes, classifierNames, slides.size() + failed.size(), p, failed, bootstrap, List.of(),
                new ArrayList<>(), software, listener);
    }

    /** The slides sorted by what the models said: classified (with their results), not classifiable, outside. */
    private record Partition(List<LabelledSlide> all, List<LabelledSlide> kept, List<ClassificationResult> results,
            List<LabelledSlide> notClassifiable, List<LabelledSlide> outsideDomain) {

        static Partition of(Path labels, List<LabelledSlide> slides, List<ClassificationResult> all, Listener listener) {
            List<LabelledSlide> kept = new ArrayList<>();
            List<ClassificationResult> results = new ArrayList<>();
            List<LabelledSlide> notClassifiable = new ArrayList<>();
            List<LabelledSlide> outsideDomain = new ArrayList<>();
            for (int i = 0; i < slides.size(); i++) {
                LabelledSlide s = slides.get(i);
                ClassificationResult result = all.get(i);
                if (result.classifiable()) {
                    kept.add(s);
                    results.add(result);
                } else {
                    (result.outcome().status() == Outcome.Status.OUTSIDE_DOMAIN ? outsideDomain : notClassifiable).add(s);
                    listener.onMessage(s.slide().getFileName() + ": " + result.outcome().headline().toLowerCase(
                            java.util.Locale.ROOT) + " (" + result.outcome().reason() + "), left out");
                }
            }
            if (kept.isEmpty()) {
                throw new IllegalArgumentException("no slide of " + labels + " could be classified");
            }
            return new Partition(slides, kept, results, notClassifiable, outsideDomain);
        }
    }

    private static EvaluationReport report(Path labels, List<String> classes, List<String> names, int cohortSlides,
            Partition p, List<String> failed, Bootstrap bootstrap, List<LevelResult> ablation,
            List<List<org.marrowscope.pipeline.Tile>> randomTiles, String software, Listener listener)
            throws IOException {
        List<LabelledSlide> kept = p.kept();
        List<ClassificationResult> results = p.results();
        List<LevelResult> levels = new ArrayList<>();
        double[] tileAccuracy = new double[names.size()];
        double[] patientAccuracy = new double[names.size()];
        for (int m = 0; m < names.size(); m++) {
            listener.onTask("Bootstrapping intervals", m, names.size() + 1);
            LevelResult tile = LevelResult.of("tile", names.get(m), "stage-1 ROIs", tileCases(classes, kept, results, m),
                    bootstrap);
            LevelResult patient = LevelResult.of("patient", names.get(m), "stage-1 ROIs",
                    patientCases(classes, kept, results, m), bootstrap);
            levels.add(tile);
            levels.add(patient);
            tileAccuracy[m] = tile.value("accuracy");
            patientAccuracy[m] = patient.value("accuracy");
        }
        levels.add(LevelResult.of("ensemble", "ensemble", "stage-1 ROIs", ensembleCases(classes, kept, results),
                bootstrap));
        listener.onTask("Bootstrapping intervals", names.size() + 1, names.size() + 1);
        PairedTest wilcoxon = PairedTest.of(names, patientAccuracy, tileAccuracy);
        List<TruthCheck> truth = TruthCheck.of(kept, results, randomTiles);
        int evaluated = p.all().size();
        Map<String, Object> cohort = new LinkedHashMap<>();
        cohort.put("labels", labels.toAbsolutePath().toString());
        cohort.put("slides", cohortSlides);
        cohort.put("classified", kept.size());
        cohort.put("notClassifiable", TrustMetrics.names(p.notClassifiable()));
        cohort.put("outsideDomain", TrustMetrics.names(p.outsideDomain()));
        if (!failed.isEmpty()) {
            cohort.put("failed", List.copyOf(failed));
        }
        cohort.put("refusalRate", (double) (p.notClassifiable().size() + p.outsideDomain().size()) / evaluated);
        cohort.put("trust", TrustMetrics.of(kept, results, classes, evaluated));
        int[] perClass = new int[classes.size()];
        kept.forEach(s -> perClass[s.classIndex()]++);
        Map<String, Integer> byClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            byClass.put(classes.get(c), perClass[c]);
        }
        cohort.put("classifiedByClass", byClass);
        return new EvaluationReport(EvaluationReport.FORMAT_VERSION, software, Instant.now().toString(), classes,
                cohort, results.getFirst().quality(), results.getFirst().classifiers(), bootstrap, levels, wilcoxon,
                ablation, truth);
    }

    /** Every ROI of every slide as a case, with model m's probabilities. */
    static Cases tileCases(List<String> classes, List<LabelledSlide> slides, List<ClassificationResult> results, int m) {
        List<Integer> truth = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        List<Integer> patient = new ArrayList<>();
        for (int s = 0; s < slides.size(); s++) {
            for (RoiResult roi : results.get(s).rois()) {
                truth.add(slides.get(s).classIndex());
                scores.add(toDouble(roi.probabilities().get(m)));
                patient.add(s);
            }
        }
        return cases(classes, truth, scores, patient, slides.size());
    }

    /** Each slide as a case: model m's majority vote, with the vote fractions as scores. */
    static Cases patientCases(List<String> classes, List<LabelledSlide> slides, List<ClassificationResult> results, int m) {
        List<Vote> votes = results.stream().map(res -> res.perModel().get(m).vote()).toList();
        return voteCases(classes, slides, votes);
    }

    /** Each slide as a case: the ensemble's pooled vote. */
    static Cases ensembleCases(List<String> classes, List<LabelledSlide> slides, List<ClassificationResult> results) {
        return voteCases(classes, slides, results.stream().map(ClassificationResult::ensemble).toList());
    }

    static Cases voteCases(List<String> classes, List<LabelledSlide> slides, List<Vote> votes) {
        int n = slides.size();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[][] scores = new double[n][];
        int[] patient = new int[n];
        for (int s = 0; s < n; s++) {
            truth[s] = slides.get(s).classIndex();
            predicted[s] = votes.get(s).winner();
            scores[s] = votes.get(s).fractions();
            patient[s] = s;
        }
        return new Cases(classes, truth, predicted, scores, patient, n);
    }

    static Cases cases(List<String> classes, List<Integer> truth, List<double[]> scores, List<Integer> patient,
            int patients) {
        int n = truth.size();
        int[] t = new int[n];
        int[] p = new int[n];
        double[][] s = new double[n][];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = truth.get(i);
            s[i] = scores.get(i);
            p[i] = argmax(s[i]);
            g[i] = patient.get(i);
        }
        return new Cases(classes, t, p, s, g, patients);
    }

    /** The tile label rule of the pipeline ({@link Voting#argmax}: first on exact ties). */
    static int argmax(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Voting.argmax(f);
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
