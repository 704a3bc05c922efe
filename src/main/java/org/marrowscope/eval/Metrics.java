package org.marrowscope.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's performance statistics of one set of predictions.
 *
 * @param accuracy fraction right
 * @param balancedAccuracy mean per-class sensitivity
 * @param macroF1 mean per-class F1
 * @param microAuc one-vs-rest ROC AUC over all (case, class) pairs pooled
 * @param macroAuc mean of the per-class one-vs-rest AUCs
 * @param classAuc one-vs-rest AUC of each class (NaN for a class without positives or negatives)
 * @param confusion the confusion matrix
 */
public record Metrics(double accuracy, double balancedAccuracy, double macroF1, double microAuc, double macroAuc,
        double[] classAuc, ConfusionMatrix confusion) {

    /** The metrics that get a bootstrap confidence interval, in report order. */
    public static final List<String> NAMES = List.of("accuracy", "balancedAccuracy", "macroF1", "microAuc", "macroAuc");

    public Metrics {
        classAuc = classAuc.clone();
    }

    @Override
    public double[] classAuc() {
        return classAuc.clone();
    }

    /** The headline metrics by name ({@link #NAMES}). */
    public Map<String, Double> byName() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("balancedAccuracy", balancedAccuracy);
        m.put("macroF1", macroF1);
        m.put("microAuc", microAuc);
        m.put("macroAuc", macroAuc);
        return m;
    }
}
