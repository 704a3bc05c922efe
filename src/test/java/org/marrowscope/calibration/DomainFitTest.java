package org.marrowscope.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DomainFitTest {

    /** Two Gaussian classes in 4 dimensions, means 0 and 3 on the first axis, unit variance. */
    private static List<float[]> sample(int n, int cls, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] f = new float[4];
            for (int k = 0; k < 4; k++) {
                f[k] = (float) gaussian(r);
            }
            f[0] += 3 * cls;
            out.add(f);
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static DomainCheck fitted() {
        List<float[]> train = new ArrayList<>(sample(2000, 0, 1));
        train.addAll(sample(2000, 1, 2));
        int[] labels = new int[4000];
        for (int i = 2000; i < 4000; i++) {
            labels[i] = 1;
        }
        List<float[]> heldOut = new ArrayList<>(sample(1000, 0, 3));
        heldOut.addAll(sample(1000, 1, 4));
        List<List<float[]>> slides = List.of(sample(200, 0, 5), sample(200, 1, 6));
        return DomainFit.fit("test features", train, labels, 2, heldOut, slides);
    }

    @Test
    void theDistanceIsTheMahalanobisDistanceToTheNearestClassMean() {
        DomainCheck check = fitted();
        // Unit covariance: the distance is close to the Euclidean distance to the nearest mean.
        assertThat(check.distance(new float[] {0, 0, 0, 0})).isCloseTo(0, within(0.15));
        assertThat(check.distance(new float[] {3, 0, 0, 0})).isCloseTo(0, within(0.15));
        assertThat(check.distance(new float[] {0, 0, 5, 0})).isCloseTo(5, within(0.3));
        // 4 dimensions: the 99th percentile of a chi distribution with 4 degrees of freedom is about 3.64.
        assertThat(check.tileThreshold()).isCloseTo(3.64, within(0.25));
        assertThat(check.fit().trainingTiles()).isEqualTo(4000);
    }

    @Test
    void inDomainSlidesPassAndForeignOnesFail() {
        DomainCheck check = fitted();
        assertThat(check.slideFraction()).isBetween(DomainFit.MIN_SLIDE_FRACTION, DomainFit.MAX_SLIDE_FRACTION);
        long unlikeIn = sample(200, 1, 77).stream().filter(f -> check.unlike(check.distance(f))).count();
        assertThat(unlikeIn / 200.0).isLessThan(check.slideFraction());
        List<float[]> shifted = sample(200, 0, 78);
        shifted.forEach(f -> f[3] += 6);
        long unlikeOut = shifted.stream().filter(f -> check.unlike(check.distance(f))).count();
        assertThat(unlikeOut / 200.0).isGreaterThan(check.slideFraction());
        // A NaN distance (a broken feature) is never "in the domain".
        assertThat(check.unlike(Double.NaN)).isTrue();
    }
}
