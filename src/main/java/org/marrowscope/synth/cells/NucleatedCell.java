package org.marrowscope.synth.cells;

import java.util.List;

/**
 * Everything needed to paint one nucleated cell, in pixels relative to its centre (cx, cy), which
 * is in absolute level-0 coordinates. Built once per cell by {@link CellFactory}; painted by
 * {@link CellPainter}.
 *
 * @param cytoplasm outline of the whole cell
 * @param cytoplasmOd absorbance of the cytoplasm ground substance
 * @param rim extra absorbance (fraction) at the cell border, where flattened cytoplasm is thicker
 * @param mottle amplitude of the cytoplasm's low-contrast blotchiness
 * @param nucleusOd absorbance of chromatin at density 1
 * @param nucleoli pale bluish nucleoli inside the nucleus
 * @param nucleolusOd absorbance of a nucleolus
 * @param halo pale Golgi zone beside the nucleus (radius 0 when none)
 * @param haloStrength how much of the cytoplasm colour the halo removes, 0..1
 * @param vacuoles clear round vacuoles in the cytoplasm
 * @param auerRods needle-shaped azurophilic inclusions of AML blasts
 * @param rodOd absorbance of an Auer rod
 * @param feather edge ramp width in pixels (anti-aliasing plus focus blur)
 * @param sharpness 1 in focus, lower in blurred areas where fine texture washes out
 * @param seed texture seed of this cell
 */
public record NucleatedCell(
        CellType type,
        boolean neoplastic,
        double cx,
        double cy,
        Shape cytoplasm,
        Od cytoplasmOd,
        double rim,
        double mottle,
        Shape nucleus,
        Od nucleusOd,
        Chromatin chromatin,
        List<Spot> nucleoli,
        Od nucleolusOd,
        Granules granules,
        Spot halo,
        double haloStrength,
        List<Spot> vacuoles,
        List<Rod> auerRods,
        Od rodOd,
        double feather,
        double sharpness,
        int seed) {

    public NucleatedCell {
        nucleoli = List.copyOf(nucleoli);
        vacuoles = List.copyOf(vacuoles);
        auerRods = List.copyOf(auerRods);
    }

    /** Largest outward shift of a frayed outline, in units of {@link Chromatin#ragged()}. */
    public static final double RAGGED_REACH = 1.6;

    /** Radius around the centre that holds every painted pixel. */
    public double reach() {
        return Math.max(cytoplasm.reach(), nucleus.reach() + RAGGED_REACH * chromatin.ragged()) + 2 * feather + 1;
    }

    /** A round feature (nucleolus, vacuole, Golgi zone) relative to the cell centre. */
    public record Spot(double x, double y, double r) {
        public static final Spot NONE = new Spot(0, 0, 0);
    }

    /** A straight rod from (ax, ay) to (bx, by). */
    public record Rod(double ax, double ay, double bx, double by, double halfWidth) {}

    /**
     * Chromatin texture.
     *
     * @param density mean chromatin absorbance, relative to the palette's chromatin colour
     * @param fineScale wavelength (px) of the fine granular texture blasts show
     * @param fineAmp amplitude of that texture
     * @param clumpScale size (px) of chromatin clumps
     * @param clumpAmp contrast between clumps and the pale parachromatin between them
     * @param crack softness of the clump borders (0.1 sharp blocks, 0.4 soft blotches)
     * @param rimDark extra density along the nuclear membrane
     * @param streakCos direction of smearing (smudge cells)
     * @param streakSin direction of smearing
     * @param streak stretch of the texture along that direction (1 = isotropic)
     * @param ragged amplitude (px) of the torn outline of smudged nuclei
     */
    public record Chromatin(double density, double fineScale, double fineAmp, double clumpScale, double clumpAmp,
                            double crack, double rimDark, double streakCos, double streakSin, double streak,
                            double ragged) {}

    /**
     * Cytoplasmic granules: discrete dots on a lattice plus a fine dust.
     *
     * @param cell lattice spacing (px); one possible granule per lattice cell
     * @param prob probability a lattice cell holds a granule
     * @param radius granule radius (px)
     * @param od granule absorbance
     * @param overNucleus fraction of granule absorbance shown over the nucleus (basophils)
     * @param dust amplitude of the fine neutrophilic dust
     * @param dustOd absorbance of that dust
     */
    public record Granules(double cell, double prob, double radius, Od od, double overNucleus, double dust, Od dustOd) {
        public static final Granules NONE = new Granules(4, 0, 0, Od.ZERO, 0, 0, Od.ZERO);
    }
}
