package org.marrowscope.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The metric code against values computed by hand and against brute-force definitions. */
class MetricsTest {

    static final List<String> ABC = List.of("A", "B", "C");

    private static double auc(double[] scores, boolean[] positive) {
        int[] self = new int[scores.length];
        for (int i = 0; i < self.length; i++) {
            self[i] = i;
        }
        return new RankedScores(scores, positive, self).auc(null);
    }

    @Test
    void aucOfATinyExampleByHand() {
        // Positives score 0.35 and 0.8, negatives 0.1 and 0.4: of the 4 pairs, 3 are ordered right -> 0.75.
        assertThat(auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true})).isEqualTo(0.75);
        // A tie counts one half: pairs (0.5,0.5)=1/2, (0.5,0.2)=1, (0.9,0.5)=1, (0.9,0.2)=1 -> 3.5/4.
        assertThat(auc(new double[] {0.5, 0.5, 0.2, 0.9}, new boolean[] {true, false, false, true})).isEqualTo(0.875);
        assertThat(auc(new double[] {0.3, 0.7}, new boolean[] {true, false})).isZero();
        assertThat(auc(new double[] {0.3, 0.7}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void theRocCurveOfTheTinyExampleAndItsArea() {
        RocCurve c = RocCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
        assertThat(c.fpr()).containsExactly(0, 0, 0.5, 0.5, 1);
        assertThat(c.tpr()).containsExactly(0, 0.5, 0.5, 1, 1);
        assertThat(c.area()).isEqualTo(0.75);
    }

    @Test
    void weightedAucEqualsAucOfTheRepeatedCases() {
        Random r = new Random(5);
        double[] s = new double[40];
        boolean[] p = new boolean[40];
        int[] owner = new int[40];
        for (int i = 0; i < 40; i++) {
            s[i] = Math.round(r.nextDouble() * 10) / 10.0; // many ties
            p[i] = r.nextBoolean();
            owner[i] = i / 4;
        }
        double[] weights = {0, 2, 1, 3, 0, 1, 1, 0, 2, 0};
        // The same cases, each repeated by its owner's weight.
        List<Integer> copies = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (int k = 0; k < weights[owner[i]]; k++) {
                copies.add(i);
            }
        }
        double[] rs = copies.stream().mapToDouble(i -> s[i]).toArray();
        boolean[] rp = new boolean[copies.size()];
        for (int k = 0; k < rp.length; k++) {
            rp[k] = p[copies.get(k)];
        }
        assertThat(new RankedScores(s, p, owner).auc(weights)).isCloseTo(auc(rs, rp), within(1e-12)).isCloseTo(pairwise(rs, rp), within(1e-12));
    }

    /** AUC by its definition: the fraction of (positive, negative) pairs ordered right, ties one half. */
    private static double pairwise(double[] s, boolean[] p) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (p[i] && !p[j]) {
                    sum += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    @Test
    void aThreeClassConfusionMatrixByHand() {
        ConfusionMatrix m = new ConfusionMatrix(ABC, new double[][] {{5, 1, 0}, {2, 3, 1}, {0, 0, 4}});
        assertThat(m.accuracy()).isEqualTo(12.0 / 16);
        // Recalls 5/6, 3/6, 4/4.
        assertThat(m.balancedAccuracy()).isCloseTo((5.0 / 6 + 0.5 + 1) / 3, within(1e-15));
        // F1 = 2TP / (row + column): 10/13, 6/10, 8/9.
        assertThat(m.f1(0)).isCloseTo(10.0 / 13, within(1e-15));
        assertThat(m.macroF1()).isCloseTo((10.0 / 13 + 0.6 + 8.0 / 9) / 3, within(1e-15));
        assertThat(m.rowNormalised()[1]).containsExactly(2.0 / 6, 3.0 / 6, 1.0 / 6);
        assertThat(m.precision(0)).isCloseTo(5.0 / 7, within(1e-15));
    }

    @Test
    void aClassNeverTrueNorPredictedDoesNotCountInTheMacroAverages() {
        ConfusionMatrix m = ConfusionMatrix.of(ABC, new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, null);
        assertThat(m.balancedAccuracy()).isEqualTo((0.5 + 1) / 2);
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 0.8) / 2, within(1e-15));
    }

    @Test
    void microAndMacroAucOfASmallThreeClassProblem() {
        // Four cases; scores are probabilities over A, B, C.
        double[][] scores = {{0.7, 0.2, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.5, 0.3}, {0.1, 0.3, 0.6}};
        int[] truth = {0, 0, 1, 2};
        Cases cases = new Cases(ABC, truth, new int[] {0, 1, 1, 2}, scores, new int[] {0, 1, 2, 3}, 4);
        Metrics m = cases.metrics();
        // A vs rest: positives 0.7, 0.3; negatives 0.2, 0.1 -> 1. B vs rest: positive 0.5 vs 0.2, 0.4, 0.3 -> 1.
        // C vs rest: positive 0.6 vs 0.1, 0.3, 0.3 -> 1.
        assertThat(m.classAuc()).containsExactly(1, 1, 1);
        assertThat(m.macroAuc()).isEqualTo(1);
        // Micro: 4 positives (0.7, 0.3, 0.5, 0.6) vs 8 negatives (0.2, 0.1, 0.4, 0.3, 0.2, 0.3, 0.1, 0.3).
        // Pairs ordered wrong: 0.3 vs 0.4 (0), 0.3 vs the three 0.3s (1/2 each) -> (32 - 1 - 1.5) / 32.
        assertThat(m.microAuc()).isEqualTo(29.5 / 32);
        assertThat(m.accuracy()).isEqualTo(0.75);
    }

    @Test
    void wilcoxonSignedRankMatchesAKnownExample() {
        // Hollander & Wolfe's depression scores (R's wilcox.test example): V = 40, two-sided exact p = 20/512.
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        PairedTest t = PairedTest.of(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), x, y);
        assertThat(t.pValue()).isCloseTo(0.0390625, within(1e-12));
        assertThat(t.note()).contains("9 models paired");
        assertThat(PairedTest.of(List.of("a", "b"), new double[] {1, 1}, new double[] {1, 1}).pValue()).isNaN();
        assertThat(PairedTest.of(List.of("a", "b"), new double[] {0.9, 0.95}, new double[] {0.7, 0.8}).pValue()).isEqualTo(0.5);
    }

    @Test
    void bootstrapIntervalsAreSeededAndCoverThePointEstimate() {
        Random r = new Random(3);
        int n = 60;
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double[][] scores = new double[n][3];
        int[] patient = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 3;
            for (int c = 0; c < 3; c++) {
                scores[i][c] = r.nextDouble() + (c == truth[i] ? 0.6 : 0);
            }
            predicted[i] = org.marrowscope.eval.Evaluation.argmax(scores[i]);
            patient[i] = i / 3;
        }
        Cases cases = new Cases(ABC, truth, predicted, scores, patient, n / 3);
        Map<String, double[]> a = new Bootstrap(300, 9, 0.95).intervals(cases);
        Map<String, double[]> b = new Bootstrap(300, 9, 0.95).intervals(cases);
        Metrics point = cases.metrics();
        for (String name : Metrics.NAMES) {
            assertThat(a.get(name)).containsExactly(b.get(name));
            assertThat(a.get(name)[0]).isLessThanOrEqualTo(point.byName().get(name));
            assertThat(a.get(name)[1]).isGreaterThanOrEqualTo(point.byName().get(name));
            assertThat(a.get(name)[1] - a.get(name)[0]).isGreaterThan(0);
        }
        assertThat(new Bootstrap(300, 10, 0.95).intervals(cases).get("accuracy")).isNotEqualTo(a.get("accuracy"));
    }

    @Test
    void perfectPredictionsHaveADegenerateInterval() {
        Cases cases = new Cases(ABC, new int[] {0, 1, 2, 0}, new int[] {0, 1, 2, 0},
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.9, 0.1, 0}}, new int[] {0, 1, 2, 3}, 4);
        Map<String, double[]> ci = Bootstrap.DEFAULT.intervals(cases);
        assertThat(ci.get("accuracy")).containsExactly(1, 1);
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] v = {5, 1, 4, 2, 3, Double.NaN};
        assertThat(Bootstrap.percentiles(v, 0.25, 0.75)).containsExactly(2, 4);
        assertThat(Bootstrap.quantile(new double[] {0, 10}, 0.025)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void macroAverageCurveOfIdenticalCurvesIsTheCurve() {
        RocCurve c = RocCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
        RocCurve m = RocCurve.macroAverage(List.of(c, c));
        assertThat(m.area()).isCloseTo(0.75, within(1e-12));
    }
}
