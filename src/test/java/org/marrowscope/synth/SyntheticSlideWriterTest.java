package org.marrowscope.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;
import org.marrowscope.synth.smear.QualityLabel;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.smear.SmearRenderer;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;

class SyntheticSlideWriterTest {

    @Test
    void writesASlideOpenSlideReadsWithItsTruth(@TempDir Path tmp) throws Exception {
        SmearSpec spec = SmearSpec.of(SmearClass.MM, 11, 3000, 2300);
        Path out = tmp.resolve("mm-11.tiff");
        GroundTruth truth = SyntheticSlideWriter.write(spec, out, TiffWriteOptions.defaults(), WriteProgress.NONE, "test");
        try (Slide slide = Slides.open(out)) {
            assertThat(slide.format()).isEqualTo("generic-tiff");
            assertThat(slide.width()).isEqualTo(3000);
            assertThat(slide.micronsPerPixel()).hasValueSatisfying(m -> assertThat(m.x()).isCloseTo(0.25, within(1e-9)));
            assertThat(slide.objectivePower()).contains(40.0);
            assertThat(slide.properties().get("tiff.ImageDescription")).contains("class=MM").contains("seed=11");
            // The file holds the renderer's pixels (JPEG: close, not exact).
            BufferedImage read = slide.readRegion(0, 1200, 900, 64, 64);
            int[] expected = new int[64 * 64];
            new SmearRenderer(spec).render(1200, 900, 64, 64, expected);
            double error = 0;
            for (int i = 0; i < expected.length; i++) {
                int a = read.getRGB(i % 64, i / 64);
                int b = expected[i];
                error += Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF));
            }
            assertThat(error / expected.length).isLessThan(6);
        }
        GroundTruth back = GroundTruth.read(GroundTruth.sidecarOf(out));
        assertThat(GroundTruth.sidecarOf(out).getFileName().toString()).isEqualTo("mm-11.truth.json");
        assertThat(back.smearClass()).isEqualTo(SmearClass.MM);
        assertThat(back.tumourBurden()).isEqualTo(spec.tumourBurden());
        assertThat(back.stain()).isEqualTo(spec.stain());
        assertThat(back.tiles().columns()).isEqualTo((3000 - 512) / 256 + 1);
        assertThat(back.tiles().rows()).isEqualTo((2300 - 512) / 256 + 1);
        SmearRenderer renderer = new SmearRenderer(spec);
        assertThat(back.tiles().at(3, 2)).isEqualTo(renderer.dominantQuality(3 * 256, 2 * 256, 512, 512));
        assertThat(back.tiles().quality()).anyMatch(row -> row.contains("G"));
        assertThat(truth.tiles().legend()).containsEntry("_", QualityLabel.BACKGROUND);
    }
}
