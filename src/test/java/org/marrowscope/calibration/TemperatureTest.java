package org.marrowscope.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemperatureTest {

    /**
     * Over-confident logits: the true class wins 70% of the time but the logits are scaled by 4, so T near 4
     * undoes it; the fitted temperature must lower both the NLL and the calibration error.
     */
    @Test
    void fitsAnOverConfidentModelAndKeepsTheArgmax() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 4000;
        float[][] logits = new float[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(3);
            int predicted = r.nextDouble() < 0.7 ? labels[i] : (labels[i] + 1 + r.nextInt(2)) % 3;
            for (int c = 0; c < 3; c++) {
                logits[i][c] = (float) (4 * ((c == predicted ? 1.2 : 0) + 0.3 * r.nextDouble()));
            }
        }
        Temperature t = Temperature.fit(logits, labels);
        assertThat(t.value()).isGreaterThan(2);
        assertThat(t.nllAfter()).isLessThan(t.nllBefore());
        assertThat(t.eceAfter()).isLessThan(t.eceBefore());
        float[] p = t.probabilities(logits[0]);
        float[] q = Temperature.NONE.probabilities(logits[0]);
        assertThat(argmax(p)).isEqualTo(argmax(q));
        double sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1, within(1e-5));
    }

    private static int argmax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }
}
