package org.marrowscope.synth.cells;

import org.marrowscope.synth.cells.NucleatedCell.Chromatin;
import org.marrowscope.synth.cells.NucleatedCell.Granules;
import org.marrowscope.synth.cells.NucleatedCell.Spot;

/**
 * Morphology recipes for lymphocytes, lymphoblasts, smudge cells and plasma cells: round-nucleus
 * cells told apart by size, nucleus-to-cytoplasm ratio, chromatin pattern and cytoplasm colour
 * rather than by nuclear shape.
 */
final class LymphoidCells {

    private LymphoidCells() {}

    /** Normal lymphocyte; the neoplastic variant is the CLL cell with "soccer-ball" chromatin. */
    static void lymphocyte(Draft d) {
        d.cytoplasm = d.roundCell(1.12, 0.03);
        boolean large = !d.neoplastic && d.chance(0.15);
        double rn = d.radius * (large ? d.u(0.6, 0.7) : d.neoplastic ? d.u(0.8, 0.9) : d.u(0.76, 0.86));
        double[] o = d.offset(rn, d.u(0.2, 0.9));
        Shape.Oval nucleus = d.oval(o[0], o[1], rn, 1.12, 0.03);
        d.nucleus = !d.neoplastic && d.chance(0.15) ? notch(d, nucleus, o, rn) : nucleus;
        if (d.neoplastic) {
            d.nucleusOd = d.pal.mix(1.08, 0.05, 0.03, 0);
            d.chromatin = new Chromatin(1, d.um(0.5), 0.1, d.um(1.6), 0.45, 0.14, 0.2, 1, 0, 1, 0);
            d.cytoplasmOd = d.cytoplasm(0.02, 0.2, 0.03);
        } else {
            d.nucleusOd = d.pal.mix(1.02, 0.06, 0.03, 0);
            d.chromatin = d.clumpedChromatin(1, 1.3, 0.3, 0.22);
            d.cytoplasmOd = d.cytoplasm(0.02, large ? 0.22 : 0.28, 0.03);
            if (large && d.chance(0.5)) {
                d.granules = new Granules(d.um(1.3), 0.1, d.um(0.22), d.pal.mix(0.7, 0, 0.5, 0), 0, 0, Od.ZERO);
            }
        }
        d.rim = 0.2;
    }

    /** ALL blast: small to medium, nucleus nearly filling the cell, fine chromatin, scant blue rim. */
    static void lymphoblast(Draft d) {
        d.cytoplasm = d.roundCell(1.12, 0.03);
        double rn = d.radius * d.u(0.84, 0.92);
        double[] o = d.offset(rn, d.u(0.0, 1.0));
        Shape.Oval nucleus = d.oval(o[0], o[1], rn, 1.15, 0.035);
        d.nucleus = d.chance(0.25) ? notch(d, nucleus, o, rn) : nucleus;
        d.nucleusOd = d.pal.mix(0.8, 0.06, 0.03, 0);
        d.chromatin = d.fineChromatin(1.0, 0.17, 0.05);
        if (d.chance(0.4)) {
            d.addNucleolus(o[0], o[1], rn, d.um(d.u(0.4, 0.6)));
        }
        d.nucleolusOd = d.pal.mix(0.58, 0.12, 0.03, 0);
        d.cytoplasmOd = d.cytoplasm(0.02, 0.36, 0.03);
        d.rim = 0.2;
        if (d.chance(0.1)) {
            int n = 1 + d.rng.nextInt(3);
            for (int i = 0; i < n; i++) {
                double a = d.angle();
                d.vacuoles.add(new Spot(d.radius * 0.93 * Math.cos(a), d.radius * 0.93 * Math.sin(a), d.um(0.4)));
            }
        }
    }

    /** Ruptured lymphocyte: a ragged smear of pale nuclear material without cytoplasm. */
    static void smudge(Draft d) {
        Shape.Oval outline = d.oval(0, 0, d.radius * d.u(0.85, 1.0), 1.7, 0.12);
        d.cytoplasm = outline;
        d.cytoplasmOd = Od.ZERO;
        d.rim = 0;
        d.mottle = 0;
        d.nucleus = outline;
        d.nucleusOd = d.pal.mix(0.5, 0.05, 0.07, 0);
        double a = d.angle();
        d.chromatin = new Chromatin(1, d.um(0.9), 0.35, d.um(1.6), 0.25, 0.45, -0.1, Math.cos(a), Math.sin(a),
                d.u(1.6, 2.4), d.um(1.5));
    }

    /** Plasma cell: oval, eccentric round nucleus with clock-face chromatin, deep blue cytoplasm, hof. */
    static void plasmaCell(Draft d) {
        boolean myeloma = d.neoplastic;
        Shape.Oval cell = d.oval(0, 0, d.radius * (myeloma ? d.u(1.0, 1.15) : 1), 1.5, 0.04);
        d.cytoplasm = cell;
        double rn = d.radius * (myeloma ? d.u(0.5, 0.62) : d.u(0.46, 0.56));
        double side = d.chance(0.5) ? 1 : -1;
        double along = Math.max(0, d.radius * cell.stretch() - rn * d.u(1.0, 1.2));
        double ox = side * along * cell.cos();
        double oy = side * along * cell.sin();
        Shape.Oval nucleus = d.oval(ox, oy, rn, 1.12, 0.025);
        if (myeloma && d.chance(0.07)) {
            double px = -oy / Math.max(1e-6, Math.hypot(ox, oy));
            double py = ox / Math.max(1e-6, Math.hypot(ox, oy));
            double r2 = rn * 0.8;
            d.nucleus = new Shape.Pair(d.oval(ox * 0.8 + px * r2, oy * 0.8 + py * r2, r2, 1.1, 0.03),
                    d.oval(ox * 0.8 - px * r2, oy * 0.8 - py * r2, r2, 1.1, 0.03));
        } else {
            d.nucleus = nucleus;
        }
        d.nucleusOd = d.pal.mix(0.98, 0.1, 0.03, 0);
        d.chromatin = new Chromatin(1, d.um(0.5), 0.1, d.um(1.4), 0.4, 0.16, 0.35, 1, 0, 1, 0);
        if (myeloma && d.chance(0.2)) {
            d.addNucleolus(ox, oy, rn, d.um(d.u(0.5, 0.9)));
            d.nucleolusOd = d.pal.mix(0.4, 0.3, 0.04, 0);
        }
        d.cytoplasmOd = d.cytoplasm(0.05, d.u(0.55, 0.75), 0.06);
        d.rim = 0.15;
        d.mottle = 0.08;
        d.golgi(ox, oy, rn, rn * d.u(0.6, 0.8), d.u(0.5, 0.7));
        if (myeloma && d.chance(0.1)) {
            int n = 1 + d.rng.nextInt(4);
            for (int i = 0; i < n; i++) {
                double a = d.angle();
                double r = d.radius * d.u(0.3, 0.8);
                d.vacuoles.add(new Spot(-ox * 0.5 + r * Math.cos(a), -oy * 0.5 + r * Math.sin(a), d.um(d.u(0.4, 0.9))));
            }
        }
    }

    private static Shape notch(Draft d, Shape.Oval nucleus, double[] o, double rn) {
        double a = d.angle();
        return new Shape.Notched(nucleus, o[0] + rn * 1.1 * Math.cos(a), o[1] + rn * 1.1 * Math.sin(a),
                rn * d.u(0.18, 0.3));
    }
}
