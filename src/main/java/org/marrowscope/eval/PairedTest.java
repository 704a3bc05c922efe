package org.marrowscope.eval;

import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The paper's Wilcoxon signed-rank test of patient-level against tile-level accuracy, paired by model (Apache
 * Commons Statistics; exact p-value for small samples, two-sided).
 *
 * @param models the models paired, in order
 * @param patientAccuracy each model's patient-level accuracy
 * @param tileAccuracy each model's tile-level accuracy
 * @param statistic the test's W statistic (NaN when the test cannot run)
 * @param pValue two-sided p-value (NaN when the test cannot run)
 * @param note what limits the test, e.g. the smallest p-value possible with this many models
 */
public record PairedTest(List<String> models, double[] patientAccuracy, double[] tileAccuracy, double statistic,
        double pValue, String note) {

    public static PairedTest of(List<String> models, double[] patient, double[] tile) {
        int n = models.size();
        if (n == 0) {
            return new PairedTest(models, patient, tile, Double.NaN, Double.NaN, "no models");
        }
        boolean anyDifference = false;
        for (int i = 0; i < n; i++) {
            anyDifference |= patient[i] != tile[i];
        }
        if (!anyDifference) {
            return new PairedTest(models, patient, tile, Double.NaN, Double.NaN,
                    "patient and tile accuracy are equal for every model: nothing to test");
        }
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(patient, tile);
        // With n pairs all differing in the same direction, the exact two-sided p-value is 2 / 2^n at best.
        String note = String.format(Locale.ROOT, "%d model%s paired; the smallest two-sided p-value possible with %d pairs"
                + " is %.3g", n, n == 1 ? "" : "s", n, 2 / Math.pow(2, n));
        return new PairedTest(List.copyOf(models), patient.clone(), tile.clone(), r.getStatistic(), r.getPValue(), note);
    }
}
