package org.marrowscope.slide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PixelSizeTest {

    @Test
    void vendorMppWins() {
        var mpp = PixelSize.fromProperties(Map.of("openslide.mpp-x", "0.2428", "openslide.mpp-y", "0.2429",
                "tiff.XResolution", "1000", "tiff.ResolutionUnit", "centimeter"));
        assertThat(mpp).hasValueSatisfying(m -> {
            assertThat(m.x()).isEqualTo(0.2428);
            assertThat(m.source()).isEqualTo("openslide.mpp-x/y");
        });
    }

    @Test
    void tiffResolutionInCentimetresAndInches() {
        var cm = PixelSize.fromProperties(Map.of("tiff.XResolution", "40000", "tiff.YResolution", "40000",
                "tiff.ResolutionUnit", "centimeter"));
        assertThat(cm).hasValueSatisfying(m -> assertThat(m.x()).isCloseTo(0.25, within(1e-9)));
        var inch = PixelSize.fromProperties(Map.of("tiff.XResolution", "101600", "tiff.ResolutionUnit", "inch"));
        assertThat(inch).hasValueSatisfying(m -> assertThat(m.y()).isCloseTo(0.25, within(1e-9)));
    }

    @Test
    void noUnitOrNonsenseGivesNothing() {
        assertThat(PixelSize.fromProperties(Map.of("tiff.XResolution", "72", "tiff.ResolutionUnit", "none"))).isEmpty();
        assertThat(PixelSize.fromProperties(Map.of("openslide.mpp-x", "abc", "openslide.mpp-y", "0"))).isEmpty();
        assertThat(PixelSize.fromProperties(Map.of())).isEmpty();
    }

    @Test
    void objectivePowerFromVendorOrDescription() {
        assertThat(PixelSize.objectivePower(Map.of("openslide.objective-power", "40"))).contains(40.0);
        assertThat(PixelSize.objectivePower(Map.of("tiff.ImageDescription", "MarrowScope synthetic smear|objective-power=40|mpp=0.25")))
                .contains(40.0);
        assertThat(PixelSize.objectivePower(Map.of("tiff.ImageDescription", "nothing here"))).isEmpty();
    }
}
