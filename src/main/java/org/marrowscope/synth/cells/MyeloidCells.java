package org.marrowscope.synth.cells;

import java.util.ArrayList;
import java.util.List;
import org.marrowscope.synth.cells.NucleatedCell.Chromatin;
import org.marrowscope.synth.cells.NucleatedCell.Granules;
import org.marrowscope.synth.cells.NucleatedCell.Rod;

/**
 * Morphology recipes for the myeloid lineage: blasts through segmented neutrophils, eosinophils,
 * basophils, monocytes and megakaryocytes. Proportions follow Wright-Giemsa atlases: maturation
 * shrinks the cell, condenses and segments the nucleus, and turns the cytoplasm from blue to pink.
 */
final class MyeloidCells {

    private MyeloidCells() {}

    static void myeloblast(Draft d) {
        d.cytoplasm = d.roundCell(1.18, 0.035);
        double rn = d.radius * d.u(0.68, 0.8);
        double[] o = d.offset(rn, d.u(0.1, 0.8));
        Shape.Oval nucleus = d.oval(o[0], o[1], rn, 1.15, 0.03);
        d.nucleus = d.chance(0.15) ? notch(d, nucleus, o, rn) : nucleus;
        d.nucleusOd = d.pal.mix(0.6, 0.07, 0.05, 0);
        d.chromatin = d.fineChromatin(1.0, 0.24, 0.07);
        int nucleoli = 1 + (d.chance(0.5) ? 1 : 0) + (d.chance(0.2) ? 1 : 0);
        for (int i = 0; i < nucleoli; i++) {
            d.addNucleolus(o[0], o[1], rn, d.um(d.u(0.65, 1.25)));
        }
        d.nucleolusOd = d.pal.mix(0.2, 0.3, 0.06, 0);
        d.cytoplasmOd = d.cytoplasm(0.03, 0.3, 0.05);
        d.rim = 0.3;
        if (d.chance(0.35)) {
            d.granules = new Granules(d.um(1.1), d.u(0.1, 0.3), d.um(0.2), d.pal.mix(0.5, 0, 0.55, 0), 0, 0, Od.ZERO);
        }
        if (d.neoplastic && d.chance(0.08)) {
            int rods = d.chance(0.2) ? 2 : 1;
            for (int i = 0; i < rods; i++) {
                double a = d.angle();
                double r = d.radius * d.u(0.3, 0.75);
                double cx = r * Math.cos(a);
                double cy = r * Math.sin(a);
                double t = d.angle();
                double half = d.um(d.u(1.5, 3.0));
                d.rods.add(new Rod(cx - half * Math.cos(t), cy - half * Math.sin(t),
                        cx + half * Math.cos(t), cy + half * Math.sin(t), d.um(0.28)));
            }
            d.rodOd = d.pal.mix(0.75, 0, 1.1, 0);
        }
    }

    static void promyelocyte(Draft d) {
        d.cytoplasm = d.roundCell(1.2, 0.04);
        double rn = d.radius * d.u(0.55, 0.66);
        double[] o = d.offset(rn, d.u(0.45, 0.95));
        d.nucleus = d.oval(o[0], o[1], rn, 1.2, 0.04);
        d.nucleusOd = d.pal.mix(0.72, 0.06, 0.05, 0);
        d.chromatin = new Chromatin(1, d.um(0.6), 0.22, d.um(1.3), 0.1, 0.35, 0.12, 1, 0, 1, 0);
        if (d.chance(0.6)) {
            d.addNucleolus(o[0], o[1], rn, d.um(d.u(0.5, 0.9)));
        }
        d.nucleolusOd = d.pal.mix(0.35, 0.22, 0.05, 0);
        d.cytoplasmOd = d.cytoplasm(0.03, 0.28, 0.07);
        d.granules = new Granules(d.um(0.7), d.u(0.45, 0.7), d.um(0.22), d.pal.mix(0.55, 0.05, 0.6, 0), 0.3, 0.15,
                d.pal.mix(0.2, 0, 0.3, 0));
        d.golgi(o[0], o[1], rn, d.radius * 0.33, 0.45);
    }

    static void myelocyte(Draft d) {
        d.cytoplasm = d.roundCell(1.2, 0.035);
        double rn = d.radius * d.u(0.5, 0.58);
        double[] o = d.offset(rn, d.u(0.6, 1.0));
        d.nucleus = d.oval(o[0], o[1], rn, 1.35, 0.05);
        d.nucleusOd = d.pal.mix(0.92, 0.04, 0.05, 0);
        d.chromatin = d.clumpedChromatin(1, 1.6, 0.24, 0.28);
        d.cytoplasmOd = d.cytoplasm(0.04, 0.1, 0.16);
        d.granules = new Granules(d.um(1.2), 0.12, d.um(0.22), d.pal.mix(0.6, 0, 0.45, 0), 0, 0.35,
                d.pal.mix(0.14, 0, 0.22, 0));
        d.golgi(o[0], o[1], rn, d.radius * 0.3, 0.35);
    }

    static void metamyelocyte(Draft d) {
        d.cytoplasm = d.roundCell(1.15, 0.03);
        double tw = d.radius * d.u(0.27, 0.33);
        double ra = d.radius * d.u(0.22, 0.32);
        double[] o = d.offset(ra + tw, d.u(0.1, 0.6));
        double span = Math.toRadians(d.u(130, 190));
        List<Shape.Capsule> parts = d.arc(o[0], o[1], ra, d.angle(), span, 3, tw * d.u(0.85, 1.0), tw);
        d.nucleus = new Shape.Lobes(parts, tw * 0.6);
        d.nucleusOd = d.pal.mix(0.98, 0.03, 0.05, 0);
        d.chromatin = d.clumpedChromatin(1, 1.4, 0.26, 0.26);
        neutrophilCytoplasm(d, 0.05);
    }

    static void band(Draft d) {
        d.cytoplasm = d.roundCell(1.12, 0.03);
        double tw = d.radius * d.u(0.13, 0.18);
        double ra = d.radius * d.u(0.36, 0.48);
        double span = Math.toRadians(d.u(190, 290));
        double a0 = d.angle();
        List<Shape.Capsule> parts;
        if (d.chance(0.25)) {
            // S-shaped band: two arcs of opposite curvature meeting at the cell centre
            double half = span / 2;
            parts = new ArrayList<>(d.arc(-ra * Math.cos(a0), -ra * Math.sin(a0), ra, a0 - half * 0.5, half, 3, tw, tw));
            parts.addAll(d.arc(ra * Math.cos(a0), ra * Math.sin(a0), ra, a0 + Math.PI - half * 0.5, half, 3, tw, tw));
        } else {
            parts = d.arc(0, 0, ra, a0, span, 6, tw, tw * d.u(0.85, 1.15));
        }
        d.nucleus = new Shape.Lobes(parts, tw * 0.5);
        d.nucleusOd = d.pal.mix(1.05, 0.02, 0.05, 0);
        d.chromatin = d.clumpedChromatin(1, 1.2, 0.26, 0.24);
        neutrophilCytoplasm(d, 0.03);
    }

    static void segmented(Draft d) {
        d.cytoplasm = d.roundCell(1.12, 0.03);
        double p = d.rng.nextDouble();
        int lobes = p < 0.1 ? 2 : p < 0.55 ? 3 : p < 0.9 ? 4 : 5;
        double ra = d.radius * d.u(0.27, 0.38);
        double span = Math.toRadians(d.u(170, 280));
        double a0 = d.angle();
        List<Shape.Capsule> parts = new ArrayList<>();
        double filament = d.um(0.22);
        double px = 0;
        double py = 0;
        for (int i = 0; i < lobes; i++) {
            double a = a0 + span * i / (lobes - 1) + d.u(-0.15, 0.15);
            double rr = ra * d.u(0.85, 1.1);
            double lx = rr * Math.cos(a);
            double ly = rr * Math.sin(a);
            double rl = d.radius * d.u(0.19, 0.25);
            double t = a + Math.PI / 2 + d.u(-0.5, 0.5);
            double len = rl * d.u(0.2, 0.7);
            parts.add(new Shape.Capsule(lx - len * Math.cos(t), ly - len * Math.sin(t), rl,
                    lx + len * Math.cos(t), ly + len * Math.sin(t), rl * d.u(0.85, 1.05)));
            if (i > 0) {
                parts.add(new Shape.Capsule(px, py, filament, lx, ly, filament));
            }
            px = lx;
            py = ly;
        }
        d.nucleus = new Shape.Lobes(parts, d.um(0.3));
        d.nucleusOd = d.pal.mix(1.08, 0.02, 0.05, 0);
        d.chromatin = d.clumpedChromatin(1, 1.1, 0.28, 0.22);
        neutrophilCytoplasm(d, 0.025);
    }

    private static void neutrophilCytoplasm(Draft d, double basophilia) {
        d.cytoplasmOd = d.cytoplasm(0.035, basophilia, 0.13);
        d.rim = 0.15;
        d.granules = new Granules(d.um(1.0), 0.05, d.um(0.2), d.pal.mix(0.5, 0, 0.4, 0), 0, 0.32,
                d.pal.mix(0.12, 0, 0.22, 0));
    }

    static void eosinophil(Draft d) {
        d.cytoplasm = d.roundCell(1.12, 0.03);
        double ra = d.radius * d.u(0.28, 0.36);
        double a0 = d.angle();
        double half = Math.toRadians(d.u(55, 85));
        double rl = d.radius * d.u(0.24, 0.3);
        double ax = ra * Math.cos(a0 - half);
        double ay = ra * Math.sin(a0 - half);
        double bx = ra * Math.cos(a0 + half);
        double by = ra * Math.sin(a0 + half);
        double f = d.um(0.3);
        d.nucleus = new Shape.Lobes(List.of(
                new Shape.Capsule(ax, ay, rl, ax * 1.1, ay * 1.1, rl * 0.9),
                new Shape.Capsule(bx, by, rl * d.u(0.85, 1.05), bx * 1.1, by * 1.1, rl * 0.9),
                new Shape.Capsule(ax, ay, f, bx, by, f)), d.um(0.3));
        d.nucleusOd = d.pal.mix(0.95, 0.04, 0.05, 0);
        d.chromatin = d.clumpedChromatin(1, 1.3, 0.22, 0.3);
        d.cytoplasmOd = d.cytoplasm(0.02, 0.05, 0.1);
        d.rim = 0.1;
        d.granules = new Granules(d.um(0.55), 0.97, d.um(0.3), d.pal.mix(0, 0, 0.3, 0.8), 0.18, 0.2,
                d.pal.mix(0, 0, 0.1, 0.25));
    }

    static void basophil(Draft d) {
        d.cytoplasm = d.roundCell(1.12, 0.04);
        double ra = d.radius * d.u(0.2, 0.3);
        double tw = d.radius * d.u(0.25, 0.32);
        d.nucleus = new Shape.Lobes(d.arc(0, 0, ra, d.angle(), Math.toRadians(d.u(120, 200)), 3, tw, tw * 0.8),
                tw * 0.5);
        d.nucleusOd = d.pal.mix(0.75, 0.08, 0.04, 0);
        d.chromatin = d.clumpedChromatin(1, 1.4, 0.15, 0.3);
        d.cytoplasmOd = d.cytoplasm(0.05, 0.1, 0.08);
        d.granules = new Granules(d.um(0.9), 0.6, d.um(0.4), d.pal.mix(1.2, 0.35, 0, 0), 0.9, 0, Od.ZERO);
    }

    static void monocyte(Draft d) {
        d.cytoplasm = d.roundCell(1.22, 0.06);
        double tw = d.radius * d.u(0.24, 0.32);
        double ra = d.radius * d.u(0.28, 0.38);
        double[] o = d.offset(ra + tw, d.u(0.2, 0.7));
        Shape nucleus = new Shape.Lobes(
                d.arc(o[0], o[1], ra, d.angle(), Math.toRadians(d.u(140, 250)), 4, tw * d.u(0.75, 1.0), tw), tw * 0.6);
        if (d.chance(0.5)) {
            double a = d.angle();
            nucleus = new Shape.Notched(nucleus, o[0] + (ra + tw) * Math.cos(a), o[1] + (ra + tw) * Math.sin(a),
                    tw * d.u(0.5, 0.8));
        }
        d.nucleus = nucleus;
        d.nucleusOd = d.pal.mix(0.74, 0.06, 0.05, 0);
        d.chromatin = new Chromatin(1, d.um(0.6), 0.22, d.um(1.0), 0.2, 0.4, 0.1, 1, 0, 1, 0);
        d.cytoplasmOd = d.cytoplasm(0.05, 0.19, 0.09);
        d.mottle = 0.1;
        d.rim = 0.2;
        d.granules = new Granules(d.um(0.6), 0.18, d.um(0.14), d.pal.mix(0.55, 0, 0.35, 0), 0, 0.12,
                d.pal.mix(0.1, 0.05, 0.1, 0));
        int vacuoles = d.rng.nextInt(6);
        for (int i = 0; i < vacuoles; i++) {
            double a = d.angle();
            double r = d.radius * d.u(0.55, 0.85);
            d.vacuoles.add(new NucleatedCell.Spot(r * Math.cos(a), r * Math.sin(a), d.um(d.u(0.4, 1.0))));
        }
    }

    static void megakaryocyte(Draft d) {
        d.cytoplasm = d.roundCell(1.2, 0.05);
        int lobes = 7 + d.rng.nextInt(8);
        double[] o = d.offset(d.radius * 0.6, d.u(0, 0.5));
        List<Shape.Capsule> parts = new ArrayList<>();
        for (int i = 0; i < lobes; i++) {
            double a = d.angle();
            double r = d.radius * Math.sqrt(d.rng.nextDouble()) * 0.38;
            double lx = o[0] + r * Math.cos(a);
            double ly = o[1] + r * Math.sin(a);
            double rl = d.radius * d.u(0.12, 0.2);
            double t = d.angle();
            double len = d.radius * d.u(0.03, 0.15);
            parts.add(new Shape.Capsule(lx - len * Math.cos(t), ly - len * Math.sin(t), rl,
                    lx + len * Math.cos(t), ly + len * Math.sin(t), rl * d.u(0.8, 1.1)));
        }
        d.nucleus = new Shape.Lobes(parts, d.radius * 0.03);
        d.nucleusOd = d.pal.mix(0.95, 0.05, 0.05, 0);
        d.chromatin = d.clumpedChromatin(1, 1.8, 0.22, 0.32);
        d.cytoplasmOd = d.cytoplasm(0.06, 0.07, 0.15);
        d.rim = 0.12;
        d.mottle = 0.1;
        d.granules = new Granules(d.um(0.9), 0.35, d.um(0.2), d.pal.mix(0.5, 0.05, 0.35, 0), 0, 0.28,
                d.pal.mix(0.08, 0.02, 0.12, 0));
    }

    private static Shape notch(Draft d, Shape.Oval nucleus, double[] o, double rn) {
        double a = d.angle();
        return new Shape.Notched(nucleus, o[0] + rn * 1.05 * Math.cos(a), o[1] + rn * 1.05 * Math.sin(a),
                rn * d.u(0.2, 0.35));
    }
}
