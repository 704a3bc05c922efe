package org.marrowscope.synth.cells;

import org.marrowscope.synth.cells.NucleatedCell.Chromatin;
import org.marrowscope.synth.cells.NucleatedCell.Spot;

/**
 * Morphology recipes for the erythroid precursors. Maturation shrinks the cell and nucleus,
 * condenses the chromatin to a pyknotic ball, and shifts the cytoplasm from deep blue through
 * grey-lilac to the salmon of haemoglobin.
 */
final class ErythroidCells {

    private ErythroidCells() {}

    static void basophilicNormoblast(Draft d) {
        d.cytoplasm = d.roundCell(1.08, 0.02);
        double rn = d.radius * d.u(0.62, 0.72);
        double[] o = d.offset(rn, d.u(0, 0.5));
        d.nucleus = d.oval(o[0], o[1], rn, 1.08, 0.02);
        d.nucleusOd = d.pal.mix(1.02, 0.08, 0.02, 0);
        d.chromatin = d.clumpedChromatin(1, 1.2, 0.22, 0.25);
        d.cytoplasmOd = d.cytoplasm(0.04, d.u(0.8, 1.0), 0.03);
        d.rim = 0.1;
        d.halo = new Spot(o[0], o[1], rn + d.um(1.2));
        d.haloStrength = 0.22;
    }

    static void polychromaticNormoblast(Draft d) {
        d.cytoplasm = d.roundCell(1.06, 0.02);
        double rn = d.radius * d.u(0.5, 0.6);
        double[] o = d.offset(rn, d.u(0, 0.6));
        d.nucleus = d.oval(o[0], o[1], rn, 1.06, 0.02);
        d.nucleusOd = d.pal.mix(1.25, 0.05, 0.02, 0);
        d.chromatin = d.clumpedChromatin(1, 1.1, 0.38, 0.16);
        d.cytoplasmOd = d.cytoplasm(0.03, 0.3, 0.24);
        d.rim = 0.1;
    }

    static void orthochromaticNormoblast(Draft d) {
        d.cytoplasm = d.roundCell(1.05, 0.02);
        double rn = d.radius * d.u(0.36, 0.44);
        double[] o = d.offset(rn, d.u(0, 0.85));
        d.nucleus = d.oval(o[0], o[1], rn, 1.05, 0.02);
        d.nucleusOd = d.pal.mix(1.6, 0.1, 0, 0);
        d.chromatin = new Chromatin(1, d.um(0.5), 0.05, d.um(1), 0, 0.1, 0.05, 1, 0, 1, 0);
        d.cytoplasmOd = d.cytoplasm(0.03, 0.12, 0.4);
        d.rim = 0.1;
    }
}
