package org.marrowscope.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColoursTest {

    private static final List<String> FIVE = List.of("ALL", "AML", "CML", "Lymphoma", "MM");

    @Test
    void fiveClassesTakeOkabeItoColours() {
        assertThat(FIVE.stream().map(c -> ClassColours.of(c, FIVE)).toList())
                .containsExactly(0xD55E00, 0xE69F00, 0xF0E442, 0x009E73, 0x56B4E9);
        assertThat(ClassColours.of("lymphoma", FIVE)).isEqualTo(0x009E73);
        assertThat(ClassColours.of("Other", List.of("ALL", "Other"))).isNotIn(0xD55E00, 0xE69F00, 0xF0E442, 0x009E73, 0x56B4E9);
    }

    @Test
    void saliencyScaleIsViridis() {
        // matplotlib's viridis at 0, 0.5 and 1: #440154, #21918C, #FDE725 (the fit is within a few units).
        assertClose(SaliencyScale.rgb(0), 0x440154);
        assertClose(SaliencyScale.rgb(0.5), 0x21918C);
        assertClose(SaliencyScale.rgb(1), 0xFDE725);
        assertThat(SaliencyScale.rgb(2)).isEqualTo(SaliencyScale.rgb(1));
        assertThat(SaliencyScale.rgb(Double.NaN)).isEqualTo(SaliencyScale.rgb(0));
    }

    @Test
    void lightnessRisesMonotonicallySoTheScaleReadsInGrey() {
        double previous = -1;
        for (int i = 0; i <= 100; i++) {
            double l = luminance(SaliencyScale.rgb(i / 100.0));
            assertThat(l).as("luminance at %d%%", i).isGreaterThan(previous);
            previous = l;
        }
    }

    @Test
    void overlayAlphaRisesFromClear() {
        assertThat(SaliencyScale.argb(0) >>> 24).isZero();
        assertThat(SaliencyScale.argb(1) >>> 24).isEqualTo(255);
        assertThat(SaliencyScale.argb(0.5) & 0xFFFFFF).isEqualTo(SaliencyScale.rgb(0.5));
    }

    private static void assertClose(int actual, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat((actual >> shift) & 0xFF).as("channel at bit %d of %06X", shift, actual)
                    .isCloseTo((expected >> shift) & 0xFF, within(6));
        }
    }

    private static double luminance(int rgb) {
        return 0.2126 * lin(rgb >> 16 & 0xFF) + 0.7152 * lin(rgb >> 8 & 0xFF) + 0.0722 * lin(rgb & 0xFF);
    }

    private static double lin(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
