package org.marrowscope.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScaleAndMagnificationTest {

    @Test
    void scaleBarPicksTheLongestRoundLengthThatFits() {
        // 0.25 um/px at scale 1: 160 px hold 40 um, so 20 um (80 px).
        ScaleBarLength a = ScaleBarLength.choose(0.25, 160);
        assertThat(a.microns()).isEqualTo(20);
        assertThat(a.pixels()).isCloseTo(80, within(1e-9));
        assertThat(a.label()).isEqualTo("20 µm");
        // Whole slide at scale 0.02: 12.5 um per screen pixel, 160 px = 2000 um -> 2 mm.
        ScaleBarLength b = ScaleBarLength.choose(12.5, 160);
        assertThat(b.label()).isEqualTo("2 mm");
        assertThat(b.pixels()).isCloseTo(160, within(1e-9));
        assertThat(ScaleBarLength.choose(0.0625, 160).label()).isEqualTo("10 µm");
        assertThat(ScaleBarLength.choose(0.001, 160).label()).isEqualTo("100 nm");
        assertThat(ScaleBarLength.choose(3.4, 160).label()).isEqualTo("500 µm");
    }

    @Test
    void magnificationFollowsTheObjectiveOrThePixelSize() {
        assertThat(Magnification.at(0.25, Optional.of(40.0), Optional.of(0.25))).contains(10.0);
        assertThat(Magnification.at(1, Optional.empty(), Optional.of(0.25))).contains(40.0);
        assertThat(Magnification.at(0.5, Optional.empty(), Optional.of(0.5))).contains(10.0);
        assertThat(Magnification.at(1, Optional.empty(), Optional.empty())).isEmpty();
        assertThat(Magnification.format(40)).isEqualTo("40x");
        assertThat(Magnification.format(2.5)).isEqualTo("2.5x");
        assertThat(Magnification.format(0.3125)).isEqualTo("0.31x");
    }
}
