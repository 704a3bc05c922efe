package org.marrowscope.pipeline.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marrowscope.pipeline.SampleResults;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;

class MapsTest {

    private final ClassificationResult result = SampleResults.result(40, "AML", 40000, 10000);

    @Test
    void saliencyIsNormalisedAlignedAndLowWhereThereAreNoRois() {
        SaliencyMap map = SaliencyMap.compute(result, 400, 100, 1024);
        float max = 0;
        for (float v : map.saliency()) {
            assertThat(v).isBetween(0f, 1f);
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(1f);
        // ROIs lie on the horizontal mid-line: the top row, far from all of them, is cold.
        assertThat(map.saliency()[5 * 400 + 200]).isLessThan(0.05f);
        assertThat(map.density()[50 * 400 + 200]).isGreaterThan(0.5f);
    }

    @Test
    void probabilityMapFollowsEachRoisProbabilityOfTheSlideClass() {
        // Narrow kernel: at an AML ROI's centre the probability is that ROI's p(AML) = 0.7; at an MM ROI, 0.
        SaliencyMap map = SaliencyMap.compute(result, 4000, 1000, 60);
        RoiResult aml = result.rois().get(0);
        RoiResult mm = result.rois().get(3);
        assertThat(map.probability()[pixel(aml, 4000, 1000)]).isCloseTo(0.7f, within(0.02f));
        assertThat(map.probability()[pixel(mm, 4000, 1000)]).isCloseTo(0.0f, within(0.02f));
        assertThat(map.saliency()[pixel(aml, 4000, 1000)]).isGreaterThan(map.saliency()[pixel(mm, 4000, 1000)]);
    }

    private int pixel(RoiResult roi, int w, int h) {
        int x = (int) (roi.centreX() * w / result.slide().width());
        int y = (int) (roi.centreY() * h / result.slide().height());
        return y * w + x;
    }

    @Test
    void misclassifiedAgainstTheSlideResultOrThePathologist() {
        List<RoiResult> offSlide = Misclassified.of(result, null);
        assertThat(offSlide).hasSize(10).allMatch(r -> r.ensembleLabel().equals("MM"));
        assertThat(Misclassified.of(result, "MM")).hasSize(30);
        assertThatThrownBy(() -> Misclassified.of(result, "CLL")).hasMessageContaining("not one of the models' classes");
    }

    @Test
    void geoJsonIsAQuPathFeatureCollection() {
        JsonNode geo = GeoJsonExport.of(result);
        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.get("features")).hasSize(40);
        JsonNode first = geo.get("features").get(0);
        assertThat(first.at("/geometry/type").asText()).isEqualTo("Polygon");
        JsonNode ring = first.at("/geometry/coordinates/0");
        assertThat(ring).hasSize(5);
        assertThat(ring.get(0)).isEqualTo(ring.get(4));
        assertThat(ring.get(2).get(0).asLong() - ring.get(0).get(0).asLong()).isEqualTo(512);
        assertThat(first.at("/properties/objectType").asText()).isEqualTo("annotation");
        assertThat(first.at("/properties/classification/name").asText()).isEqualTo("AML");
        // AML's Okabe-Ito orange, 0xE69F00.
        assertThat(first.at("/properties/classification/color/0").asInt()).isEqualTo(0xE6);
        assertThat(first.at("/properties/classification/color/1").asInt()).isEqualTo(0x9F);
        assertThat(geo.get("features").get(3).at("/properties/classification/name").asText()).isEqualTo("MM");
    }
}
