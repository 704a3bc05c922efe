package org.marrowscope.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the paper's tables: a model (or the ensemble) at one level (tile, patient, ensemble) on one kind
 * of tiles (stage-1 ROIs, or random tiles for the ablation), with every metric's value and bootstrap interval.
 *
 * @param level "tile", "patient" or "ensemble"
 * @param model the model's name ("ensemble" for the pooled vote)
 * @param tiles "stage-1 ROIs" or "random tiles"
 * @param cases tiles (tile level) or patients
 * @param patients patients behind the cases
 * @param metrics by name ({@link Metrics#NAMES}): value and 95% interval
 * @param classAuc one-vs-rest AUC per class
 * @param confusion confusion matrix counts, rows the truth
 * @param confusionNormalised the same, each row divided by its total
 * @param data the cases themselves (for ROC curves; not saved)
 */
public record LevelResult(String level, String model, String tiles, int cases, int patients, Map<String, Value> metrics,
        Map<String, Double> classAuc, double[][] confusion, double[][] confusionNormalised, @JsonIgnore Cases data) {

    /**
     * A metric's value with its bootstrap confidence interval.
     *
     * @param value the point estimate on all cases
     * @param low lower bound of the interval (NaN when not computable)
     * @param high upper bound
     */
    public record Value(double value, double low, double high) {
    }

    /** Computes the metrics of {@code data} and their intervals. */
    public static LevelResult of(String level, String model, String tiles, Cases data, Bootstrap bootstrap) {
        Metrics point = data.metrics();
        Map<String, double[]> intervals = bootstrap.resamples() > 0 ? bootstrap.intervals(data) : Map.of();
        Map<String, Value> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : point.byName().entrySet()) {
            double[] ci = intervals.getOrDefault(e.getKey(), new double[] {Double.NaN, Double.NaN});
            metrics.put(e.getKey(), new Value(e.getValue(), ci[0], ci[1]));
        }
        Map<String, Double> classAuc = new LinkedHashMap<>();
        List<String> classes = data.classes();
        double[] auc = point.classAuc();
        for (int c = 0; c < classes.size(); c++) {
            classAuc.put(classes.get(c), auc[c]);
        }
        return new LevelResult(level, model, tiles, data.size(), data.patients(), metrics, classAuc,
                point.confusion().counts(), point.confusion().rowNormalised(), data);
    }

    public double value(String metric) {
        return metrics.get(metric).value();
    }
}
