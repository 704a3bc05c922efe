package org.marrowscope.synth.smear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marrowscope.synth.cells.CellType;

/** Cell counts: burden, cellularity by region and class, and the class's cell types. */
class CellCensusTest {

    private static final long W = 20_000;
    private static final long H = 20_000;

    @ParameterizedTest
    @EnumSource(SmearClass.class)
    void neoplasticShareOfGoodRegionsIsTheBurden(SmearClass c) {
        for (double burden : new double[] {0.25, 0.8}) {
            SmearRenderer r = new SmearRenderer(SmearSpec.of(c, 31, W, H).withTumourBurden(burden));
            CellCensus total = sum(r, SmearTestSupport.tiles(r, QualityLabel.GOOD, 512, 60));
            assertThat(total.nucleated()).isGreaterThan(1000);
            assertThat(total.neoplasticFraction()).as("%s at burden %.2f", c, burden).isCloseTo(burden,
                    org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @ParameterizedTest
    @EnumSource(SmearClass.class)
    void drawnBurdenIsHonouredToo(SmearClass c) {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(c, 77, W, H));
        CellCensus total = sum(r, SmearTestSupport.tiles(r, QualityLabel.GOOD, 512, 60));
        assertThat(total.neoplasticFraction()).isCloseTo(r.spec().tumourBurden(),
                org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void thickRegionsHoldMoreNucleatedCellsThanGoodAndGoodMoreThanSparse() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.AML, 5, W, H));
        double thick = perTile(r, QualityLabel.THICK);
        double good = perTile(r, QualityLabel.GOOD);
        double sparse = perTile(r, QualityLabel.SPARSE);
        assertThat(thick).isGreaterThan(1.3 * good);
        assertThat(good).isGreaterThan(2 * sparse);
        // the paper's reviewers rejected tiles with fewer than ten nucleated cells
        assertThat(good).isGreaterThanOrEqualTo(15);
        assertThat(sparse).isLessThan(10);
    }

    @Test
    void backgroundHasNoCells() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.MM, 5, W, H));
        CellCensus c = r.census(0, 0, 256, 256);
        assertThat(c.nucleated()).isZero();
        assertThat(c.redCells()).isZero();
    }

    @Test
    void chronicMyeloidLeukaemiaIsHypercellular() {
        // the same seed gives the same fields (thickness, artefacts) for every class
        Map<SmearClass, Double> density = new EnumMap<>(SmearClass.class);
        for (SmearClass c : SmearClass.values()) {
            density.put(c, perTile(new SmearRenderer(SmearSpec.of(c, 19, W, H)), QualityLabel.GOOD));
        }
        for (SmearClass c : SmearClass.values()) {
            if (c != SmearClass.CML) {
                assertThat(density.get(SmearClass.CML)).as("CML vs %s", c).isGreaterThan(1.2 * density.get(c));
            }
        }
    }

    @Test
    void eachClassShowsItsOwnNeoplasticCells() {
        assertThat(composition(SmearClass.ALL).count(CellType.LYMPHOBLAST)).isGreaterThan(200);
        assertThat(composition(SmearClass.AML).count(CellType.MYELOBLAST)).isGreaterThan(200);
        CellCensus cml = composition(SmearClass.CML);
        for (CellType t : List.of(CellType.MYELOCYTE, CellType.METAMYELOCYTE, CellType.BAND_NEUTROPHIL,
                CellType.SEGMENTED_NEUTROPHIL)) {
            assertThat(cml.count(t)).as("%s in CML", t).isGreaterThan(50);
        }
        CellCensus normal = composition(SmearClass.ALL);
        assertThat(cml.count(CellType.BASOPHIL) / (double) cml.nucleated())
                .isGreaterThan(3 * normal.count(CellType.BASOPHIL) / (double) normal.nucleated());
        CellCensus cll = composition(SmearClass.LYMPHOMA);
        assertThat(cll.count(CellType.LYMPHOCYTE)).isGreaterThan(200);
        assertThat(cll.count(CellType.SMUDGE_CELL)).isGreaterThan(30);
        assertThat(composition(SmearClass.MM).count(CellType.PLASMA_CELL)).isGreaterThan(200);
        assertThat(composition(SmearClass.MM).count(CellType.LYMPHOBLAST)).isZero();
    }

    @Test
    void censusCountsEachCellOnceAcrossAdjacentRegions() {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(SmearClass.CML, 23, W, H));
        long[] at = SmearTestSupport.tiles(r, QualityLabel.GOOD, 1024, 1).getFirst();
        CellCensus whole = r.census(at[0], at[1], 1024, 1024);
        int parts = 0;
        int neoplastic = 0;
        for (int q = 0; q < 4; q++) {
            CellCensus part = r.census(at[0] + (q % 2) * 512L, at[1] + (q / 2) * 512L, 512, 512);
            parts += part.nucleated();
            neoplastic += part.neoplastic();
        }
        assertThat(parts).isEqualTo(whole.nucleated());
        assertThat(neoplastic).isEqualTo(whole.neoplastic());
    }

    private static CellCensus composition(SmearClass c) {
        SmearRenderer r = new SmearRenderer(SmearSpec.of(c, 3, W, H).withTumourBurden(0.7));
        return sum(r, SmearTestSupport.tiles(r, QualityLabel.GOOD, 512, 40));
    }

    private static double perTile(SmearRenderer r, QualityLabel q) {
        List<long[]> tiles = SmearTestSupport.tiles(r, q, 512, 30);
        assertThat(tiles).as("%s tiles", q).hasSizeGreaterThan(2);
        return sum(r, tiles).nucleated() / (double) tiles.size();
    }

    private static CellCensus sum(SmearRenderer r, List<long[]> tiles) {
        Map<CellType, Integer> byType = new EnumMap<>(CellType.class);
        int neoplastic = 0;
        int red = 0;
        for (long[] at : tiles) {
            CellCensus c = r.census(at[0], at[1], 512, 512);
            c.byType().forEach((t, n) -> byType.merge(t, n, Integer::sum));
            neoplastic += c.neoplastic();
            red += c.redCells();
        }
        return new CellCensus(byType, neoplastic, red);
    }
}
