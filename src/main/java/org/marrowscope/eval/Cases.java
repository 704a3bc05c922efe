package org.marrowscope.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases of one evaluation level (tiles, or patients), each with its true class, predicted class, per-class
 * scores, and the patient it belongs to (the unit the bootstrap resamples). Scores and ranks are prepared once,
 * so metrics can be recomputed quickly for any weighting of the patients.
 *
 * @param classes class names
 * @param truth true class of each case
 * @param predicted predicted class of each case
 * @param scores per case, a score per class (probabilities, or a patient's vote fractions)
 * @param patient per case, the index of its patient (0 .. patients-1)
 * @param patients number of patients
 */
public record Cases(List<String> classes, int[] truth, int[] predicted, double[][] scores, int[] patient, int patients) {

    public Cases {
        classes = List.copyOf(classes);
        if (truth.length != predicted.length || truth.length != scores.length || truth.length != patient.length) {
            throw new IllegalArgumentException("cases need one truth, prediction, score row and patient each");
        }
    }

    /** Number of cases. */
    public int size() {
        return truth.length;
    }

    /** Ranked scores for the one-vs-rest and micro-averaged AUCs, prepared once. */
    Ranked rank() {
        int k = classes.size();
        int n = size();
        List<RankedScores> perClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] s = new double[n];
            boolean[] pos = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = scores[i][c];
                pos[i] = truth[i] == c;
            }
            perClass.add(new RankedScores(s, pos, patient));
        }
        double[] flat = new double[n * k];
        boolean[] pos = new boolean[n * k];
        int[] owner = new int[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                flat[i * k + c] = scores[i][c];
                pos[i * k + c] = truth[i] == c;
                owner[i * k + c] = patient[i];
            }
        }
        return new Ranked(perClass, new RankedScores(flat, pos, owner));
    }

    /** The ranked scores of these cases; weights are per patient. */
    final class Ranked {
        private final List<RankedScores> perClass;
        private final RankedScores micro;

        private Ranked(List<RankedScores> perClass, RankedScores micro) {
            this.perClass = perClass;
            this.micro = micro;
        }

        /** Metrics with each case weighted by its patient's weight (null: every patient once). */
        Metrics metrics(double[] patientWeights) {
            double[] caseWeights = new double[size()];
            for (int i = 0; i < caseWeights.length; i++) {
                caseWeights[i] = patientWeights == null ? 1 : patientWeights[patient[i]];
            }
            ConfusionMatrix confusion = ConfusionMatrix.of(classes, truth, predicted, caseWeights);
            double[] classAuc = new double[classes.size()];
            double sum = 0;
            int n = 0;
            for (int c = 0; c < classAuc.length; c++) {
                classAuc[c] = perClass.get(c).auc(patientWeights);
                if (!Double.isNaN(classAuc[c])) {
                    sum += classAuc[c];
                    n++;
                }
            }
            return new Metrics(confusion.accuracy(), confusion.balancedAccuracy(), confusion.macroF1(),
                    micro.auc(patientWeights), n == 0 ? Double.NaN : sum / n, classAuc, confusion);
        }
    }

    /** The metrics of these cases, every case counted once. */
    public Metrics metrics() {
        return rank().metrics(null);
    }

    /** The ROC curve of class c against the rest. */
    public RocCurve curve(int c) {
        double[] s = new double[size()];
        boolean[] pos = new boolean[size()];
        for (int i = 0; i < size(); i++) {
            s[i] = scores[i][c];
            pos[i] = truth[i] == c;
        }
        return RocCurve.of(s, pos);
    }

    /** The micro-averaged ROC curve: every (case, class) pair as one binary decision. */
    public RocCurve microCurve() {
        int k = classes.size();
        double[] s = new double[size() * k];
        boolean[] pos = new boolean[size() * k];
        for (int i = 0; i < size(); i++) {
            for (int c = 0; c < k; c++) {
                s[i * k + c] = scores[i][c];
                pos[i * k + c] = truth[i] == c;
            }
        }
        return RocCurve.of(s, pos);
    }

    /** The macro-averaged ROC curve of the per-class curves. */
    public RocCurve macroCurve() {
        List<RocCurve> curves = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            curves.add(curve(c));
        }
        return RocCurve.macroAverage(curves);
    }
}
