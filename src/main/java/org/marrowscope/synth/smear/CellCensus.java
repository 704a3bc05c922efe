package org.marrowscope.synth.smear;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.marrowscope.synth.cells.CellType;

/**
 * Cells whose centres lie in a region: nucleated cells by type, how many of them are neoplastic,
 * and the red cells.
 */
public record CellCensus(Map<CellType, Integer> byType, int neoplastic, int redCells) {

    public CellCensus {
        EnumMap<CellType, Integer> copy = new EnumMap<>(CellType.class);
        copy.putAll(byType);
        byType = Collections.unmodifiableMap(copy);
    }

    public int nucleated() {
        int n = 0;
        for (int v : byType.values()) {
            n += v;
        }
        return n;
    }

    public int count(CellType type) {
        return byType.getOrDefault(type, 0);
    }

    /** Neoplastic share of nucleated cells, 0 when there are none. */
    public double neoplasticFraction() {
        int n = nucleated();
        return n == 0 ? 0 : (double) neoplastic / n;
    }
}
