package org.marrowscope.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marrowscope.calibration.ConformalCalibration.CalibrationSlide;
import org.marrowscope.calibration.ConformalCalibration.PredictionSet;

class ConformalCalibrationTest {

    private static final List<String> CLASSES = List.of("A", "B", "C");

    /** A noisy three-class model: the true class's score is uniform in [0.2, 1], the rest split the remainder. */
    private static CalibrationSlide slide(String id, SplittableRandom r) {
        int label = r.nextInt(3);
        double[] p = new double[3];
        p[label] = 0.2 + 0.8 * r.nextDouble();
        double rest = 1 - p[label];
        double share = r.nextDouble();
        p[(label + 1) % 3] = rest * share;
        p[(label + 2) % 3] = rest * (1 - share);
        return new CalibrationSlide(id, label, p);
    }

    @Test
    void setsCoverTheTrueClassAtTheTargetRate() {
        SplittableRandom r = new SplittableRandom(11);
        List<CalibrationSlide> calibration = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            calibration.add(slide("s" + i, r));
        }
        ConformalCalibration c = new ConformalCalibration(ConformalCalibration.SCORE, "test", calibration);
        int[] covered = new int[2];
        int n = 4000;
        for (int i = 0; i < n; i++) {
            CalibrationSlide test = slide("t" + i, r);
            List<PredictionSet> sets = ConformalCalibration.sets(List.of(c), test.meanProbability(), CLASSES).orElseThrow();
            for (int k = 0; k < 2; k++) {
                if (sets.get(k).classes().contains(CLASSES.get(test.label()))) {
                    covered[k]++;
                }
            }
        }
        // Split conformal: given the calibration slides, coverage is Beta-distributed around the target (sd about
        // 0.005 for 2000 calibration slides); the test slides add about 0.004.
        assertThat(covered[0] / (double) n).isBetween(0.875, 0.925);
        assertThat(covered[1] / (double) n).isBetween(0.93, 0.97);
    }

    @Test
    void modelsCalibratedOnOtherSlidesGiveNoSet() {
        SplittableRandom r = new SplittableRandom(3);
        ConformalCalibration a = new ConformalCalibration("s", "x", List.of(slide("one", r), slide("two", r)));
        ConformalCalibration b = new ConformalCalibration("s", "x", List.of(slide("one", r), slide("three", r)));
        assertThat(ConformalCalibration.sets(List.of(a, b), new double[] {1, 0, 0}, CLASSES)).isEmpty();
    }

    @Test
    void tooFewCalibrationSlidesGiveTheWholeClassListAtThatCoverage() {
        SplittableRandom r = new SplittableRandom(4);
        List<CalibrationSlide> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(slide("s" + i, r));
        }
        // ceil(11 * 0.95) = 11 > 10: no finite quantile, so the honest 95% set is every class.
        List<PredictionSet> sets = ConformalCalibration.sets(List.of(new ConformalCalibration("s", "x", ten)),
                new double[] {0.98, 0.01, 0.01}, CLASSES).orElseThrow();
        assertThat(sets.get(1).classes()).containsExactlyElementsOf(CLASSES);
    }

    @Test
    void theLeastSureCalibrationSlideBoundsWhatCountsAsTypical() {
        ConformalCalibration a = new ConformalCalibration("s", "x", List.of(
                new CalibrationSlide("one", 0, new double[] {0.9, 0.05, 0.05}),
                new CalibrationSlide("two", 1, new double[] {0.3, 0.6, 0.1})));
        ConformalCalibration b = new ConformalCalibration("s", "x", List.of(
                new CalibrationSlide("one", 0, new double[] {0.7, 0.2, 0.1}),
                new CalibrationSlide("two", 1, new double[] {0.2, 0.8, 0.0})));
        // Pooled true-class scores: slide one 0.8, slide two 0.7; the least sure is 0.7.
        assertThat(ConformalCalibration.leastSure(List.of(a, b)).getAsDouble()).isCloseTo(0.7,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ConformalCalibration.leastSure(List.of())).isEmpty();
    }
}
