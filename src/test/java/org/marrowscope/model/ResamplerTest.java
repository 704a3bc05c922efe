package org.marrowscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marrowscope.model.ModelManifest.ChannelOrder;
import org.marrowscope.model.ModelManifest.Input;
import org.marrowscope.model.ModelManifest.Resampling;
import org.marrowscope.model.ModelManifest.Scale;

/** The resizer against torch.nn.functional.interpolate(antialias=True) / nearest, computed in Python. */
class ResamplerTest {

    @Test
    void matchesPyTorchForEveryModeShrinkingAndEnlarging() {
        JsonNode cases = TestFixtures.json(TestFixtures.reference("resampling.json"));
        assertThat(cases).hasSize(12);
        for (JsonNode c : cases) {
            Resampling mode = Resampling.valueOf(c.get("mode").asText().toUpperCase());
            int size = c.get("size").asInt();
            // mean 0, std 1, range 0..1: the preprocessor's output is then just the resized pixels / 255.
            Input identity = new Input(size, 1.0, mode, ChannelOrder.RGB, Scale.UNIT, List.of(0.0, 0.0, 0.0),
                    List.of(1.0, 1.0, 1.0));
            float[] java = new TilePreprocessor(identity).toTensor(List.of(TestFixtures.tile(c.get("tile").asText())));
            float[] python = TestFixtures.f32(c.get("pixels").asText());
            assertThat(TestFixtures.maxAbsDiff(java, python)).as(c.toString()).isLessThan(1e-5f);
        }
    }

    @Test
    void kernelsPreserveConstantsAndChannelOrderSwaps() {
        for (Resampling mode : Resampling.values()) {
            float[] flat = new float[37 * 45];
            Arrays.fill(flat, 0.75f);
            for (float v : Resampler.resize(flat, 37, 45, 512, 20, mode)) {
                assertThat(v).isCloseTo(0.75f, within(1e-6f));
            }
        }
        BufferedImage tile = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        tile.setRGB(0, 0, 0x102030);
        Input bgr = new Input(2, 1.0, Resampling.BILINEAR, ChannelOrder.BGR, Scale.BYTE, List.of(0.0, 0.0, 0.0),
                List.of(1.0, 1.0, 2.0));
        float[] t = new TilePreprocessor(bgr).toTensor(List.of(tile));
        // Tensor planes are B, G, R; std [1, 1, 2] is in that order, so only red is halved.
        assertThat(t[0]).isEqualTo(0x30);
        assertThat(t[4]).isEqualTo(0x20);
        assertThat(t[8]).isEqualTo(0x10 / 2f);
    }
}
