package org.marrowscope.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewTransformTest {

    @Test
    void fitCentresTheSlideAndFillsTheTighterSide() {
        ViewTransform t = ViewTransform.fit(60_000, 45_000, 1200, 800);
        assertThat(t.centreX()).isEqualTo(30_000);
        assertThat(t.centreY()).isEqualTo(22_500);
        // Height is the tighter side: 800 / 45000, with the 5% margin.
        assertThat(t.scale()).isCloseTo(0.95 * 800 / 45_000.0, within(1e-12));
        ViewTransform.Rect r = t.visible();
        assertThat(r.x()).isNegative();
        assertThat(r.maxX()).isGreaterThan(60_000);
        assertThat(r.y()).isCloseTo(-22_500 / 0.95 + 22_500, within(1e-6));
    }

    @Test
    void screenAndSlideCoordinatesAreInverse() {
        ViewTransform t = new ViewTransform(1000, 2000, 0.25, 800, 600);
        assertThat(t.toScreenX(1000)).isEqualTo(400);
        assertThat(t.toScreenY(2000)).isEqualTo(300);
        assertThat(t.toSlideX(t.toScreenX(1234.5))).isCloseTo(1234.5, within(1e-9));
        assertThat(t.toSlideY(t.toScreenY(-77))).isCloseTo(-77, within(1e-9));
        assertThat(t.toScreenX(1100)).isEqualTo(425);
    }

    @Test
    void zoomKeepsThePointUnderTheCursorStill() {
        ViewTransform t = new ViewTransform(5000, 4000, 0.1, 1000, 700);
        double sx = 820;
        double sy = 130;
        double px = t.toSlideX(sx);
        double py = t.toSlideY(sy);
        ViewTransform z = t.zoomAt(3, sx, sy, 0.01, 4);
        assertThat(z.scale()).isCloseTo(0.3, within(1e-12));
        assertThat(z.toSlideX(sx)).isCloseTo(px, within(1e-9));
        assertThat(z.toSlideY(sy)).isCloseTo(py, within(1e-9));
    }

    @Test
    void zoomIsClampedAndPanMovesTheSlideWithTheMouse() {
        ViewTransform t = new ViewTransform(5000, 4000, 1, 1000, 700);
        assertThat(t.zoomAt(100, 10, 10, 0.01, 4).scale()).isEqualTo(4);
        assertThat(t.zoomAt(1e-6, 10, 10, 0.01, 4).scale()).isEqualTo(0.01);
        ViewTransform p = t.withScale(0.5).panBy(100, -50);
        // Dragging right by 100 screen px shows what was 200 level-0 px to the left.
        assertThat(p.centreX()).isEqualTo(4800);
        assertThat(p.centreY()).isEqualTo(4100);
    }

    @Test
    void clampingKeepsTheCentreOnTheSlide() {
        ViewTransform t = new ViewTransform(-500, 90_000, 0.1, 100, 100).clampedTo(60_000, 45_000);
        assertThat(t.centreX()).isZero();
        assertThat(t.centreY()).isEqualTo(45_000);
        ViewTransform inside = new ViewTransform(10, 10, 0.1, 100, 100);
        assertThat(inside.clampedTo(60_000, 45_000)).isSameAs(inside);
    }

    @Test
    void refusesANonPositiveScale() {
        assertThatThrownBy(() -> new ViewTransform(0, 0, 0, 10, 10)).hasMessageContaining("scale");
        assertThatThrownBy(() -> new ViewTransform(0, 0, Double.NaN, 10, 10)).hasMessageContaining("scale");
    }
}
