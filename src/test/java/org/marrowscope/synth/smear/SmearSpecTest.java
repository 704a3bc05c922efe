package org.marrowscope.synth.smear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.marrowscope.synth.cells.CellEnv;
import org.marrowscope.synth.cells.CellFactory;
import org.marrowscope.synth.cells.CellType;
import org.marrowscope.synth.cells.NucleatedCell;

/** The spec's drawn values, stain independence from class, validation and cell size bounds. */
class SmearSpecTest {

    @Test
    void drawnValuesAreReproducibleAndInRange() {
        for (long seed = 0; seed < 200; seed++) {
            for (SmearClass c : SmearClass.values()) {
                SmearSpec s = SmearSpec.of(c, seed, 1000, 800);
                assertThat(s).isEqualTo(SmearSpec.of(c, seed, 1000, 800));
                assertThat(s.micronsPerPixel()).isEqualTo(0.25);
                assertThat(s.tumourBurden()).isBetween(0.2, 0.95);
                assertThat(s.stain().brightness()).isBetween(242.0, 253.0);
            }
        }
    }

    @Test
    void stainDependsOnTheSeedOnlyNeverOnTheClass() {
        Set<StainVariation> seen = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            StainVariation first = SmearSpec.of(SmearClass.ALL, seed, 100, 100).stain();
            for (SmearClass c : SmearClass.values()) {
                assertThat(SmearSpec.of(c, seed, 100, 100).stain()).isEqualTo(first);
            }
            seen.add(first);
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void burdenRangesFollowTheDiagnosis() {
        double allMin = 1;
        double mmMin = 1;
        for (long seed = 0; seed < 500; seed++) {
            allMin = Math.min(allMin, SmearSpec.of(SmearClass.ALL, seed, 100, 100).tumourBurden());
            mmMin = Math.min(mmMin, SmearSpec.of(SmearClass.MM, seed, 100, 100).tumourBurden());
        }
        assertThat(allMin).isGreaterThanOrEqualTo(0.5);
        assertThat(mmMin).isLessThan(0.3);
    }

    @Test
    void invalidSpecsAreRejected() {
        SmearSpec ok = SmearSpec.of(SmearClass.AML, 1, 100, 100);
        assertThatThrownBy(() -> ok.withTumourBurden(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withMicronsPerPixel(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmearSpec.of(SmearClass.AML, 1, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StainVariation(1, 1, 0, 200, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherScanResolutionsRenderSeamlessly() {
        for (double mpp : new double[] {0.5, 0.125}) {
            SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.AML, 2, 8000, 8000).withMicronsPerPixel(mpp));
            long[] at = SmearTestSupport.tiles(r, QualityLabel.GOOD, 256, 1).getFirst();
            int[] whole = SmearTestSupport.render(r, at[0] + 3, at[1], 256, 256);
            int[] bottom = SmearTestSupport.render(r, at[0] + 3, at[1] + 128, 256, 128);
            for (int i = 0; i < bottom.length; i++) {
                assertThat(bottom[i]).isEqualTo(whole[128 * 256 + i]);
            }
        }
    }

    /** Region rendering visits cells one bucket away; no cell may reach further than its type's bound. */
    @Test
    void noCellReachesBeyondItsTypeBound() {
        CellEnv env = new CellEnv(4, 3, 1, 1, 1, StainVariation.REFERENCE.palette());
        SplittableRandom rng = new SplittableRandom(1);
        for (CellType t : CellType.values()) {
            double bound = CellFactory.maxReach(t, 4, 3);
            for (int i = 0; i < 300; i++) {
                NucleatedCell cell = CellFactory.build(t, rng.nextBoolean(), 0, 0, rng.nextDouble(), rng.nextLong(), env);
                assertThat(cell.reach()).as("%s", t).isLessThanOrEqualTo(bound);
                assertThat(cell.type()).isEqualTo(t);
            }
        }
    }
}
