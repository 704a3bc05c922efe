package org.marrowscope.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.junit.jupiter.api.Test;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.smear.SmearRenderer;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.smear.StainVariation;

class ReinhardNormaliserTest {

    private static BufferedImage tile(StainVariation stain) {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.AML, 3, 8000, 8000).withStain(stain));
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        r.render(3000, 3000, 512, 512, ((DataBufferInt) image.getRaster().getDataBuffer()).getData());
        return image;
    }

    @Test
    void colourSpaceRoundTripIsLossless() {
        double[] lab = new double[3];
        for (int rgb : new int[] {0x102030, 0xC8A0D0, 0xFFFFFF, 0x7F3F9F, 0x010101}) {
            ReinhardNormaliser.toLab(rgb, lab);
            int back = ReinhardNormaliser.fromLab(lab);
            for (int shift : new int[] {16, 8, 0}) {
                assertThat((back >> shift) & 0xFF).isCloseTo((rgb >> shift) & 0xFF, within(1));
            }
        }
    }

    @Test
    void aDifferentlyStainedTileTakesTheReferencesStatistics() {
        BufferedImage reference = tile(StainVariation.REFERENCE);
        BufferedImage pale = tile(new StainVariation(0.7, 0.75, 8, 250, 0.4, 1.0));
        ReinhardNormaliser normaliser = ReinhardNormaliser.fromReference(reference);
        double[][] target = ReinhardNormaliser.statistics(ReinhardNormaliser.pixels(reference));
        double[][] before = ReinhardNormaliser.statistics(ReinhardNormaliser.pixels(pale));
        double[][] after = ReinhardNormaliser.statistics(ReinhardNormaliser.pixels(normaliser.apply(pale)));
        for (int c = 0; c < 3; c++) {
            double gapBefore = Math.abs(before[0][c] - target[0][c]);
            double gapAfter = Math.abs(after[0][c] - target[0][c]);
            assertThat(gapAfter).as("mean of channel %d", c).isLessThan(Math.max(0.01, gapBefore * 0.5));
        }
        assertThat(normaliser.apply(pale).getWidth()).isEqualTo(512);
    }

    @Test
    void theTargetSurvivesTheResultFile() {
        ReinhardNormaliser n = ReinhardNormaliser.fromReference(tile(StainVariation.REFERENCE));
        ReinhardNormaliser back = ReinhardNormaliser.fromList(n.asList());
        assertThat(back.targetMean()).containsExactly(n.targetMean());
        assertThat(back.targetStd()).containsExactly(n.targetStd());
        assertThat(ReinhardNormaliser.fromList(java.util.List.of())).isNull();
    }
}
