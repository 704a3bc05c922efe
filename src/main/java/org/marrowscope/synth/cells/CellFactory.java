package org.marrowscope.synth.cells;

/** Builds the paintable morphology of a nucleated cell from its type and its own seed. */
public final class CellFactory {

    private CellFactory() {}

    /**
     * Radius in pixels a cell of this type and size draw will have, known before it is built so
     * that cell placement can keep cells apart.
     */
    public static double radius(CellType type, double sizeDraw, CellEnv env) {
        return Draft.radiusPx(type, sizeDraw, env);
    }

    /**
     * Upper bound of {@link NucleatedCell#reach()} for any cell of this type: the largest cell,
     * most elongated and irregular, with the given edge feather.
     */
    public static double maxReach(CellType type, double pxPerUm, double feather) {
        double ragged = type == CellType.SMUDGE_CELL ? NucleatedCell.RAGGED_REACH * 1.5 * pxPerUm : 0;
        double stretch = type == CellType.PLASMA_CELL ? Math.sqrt(1.5) * 1.15 : Math.sqrt(1.7);
        return 0.5 * type.maxDiameterUm() * pxPerUm * stretch * (1 + Draft.MAX_WOBBLE) + ragged + 2 * feather + 1;
    }

    /**
     * @param cx centre, absolute level-0 x
     * @param cy centre, absolute level-0 y
     * @param sizeDraw position of this cell within its type's size range, 0..1
     * @param seed seed of everything else about the cell (shape, texture, inclusions)
     */
    public static NucleatedCell build(CellType type, boolean neoplastic, double cx, double cy, double sizeDraw,
                                      long seed, CellEnv env) {
        Draft d = new Draft(type, neoplastic, cx, cy, sizeDraw, seed, env);
        switch (type) {
            case MYELOBLAST -> MyeloidCells.myeloblast(d);
            case PROMYELOCYTE -> MyeloidCells.promyelocyte(d);
            case MYELOCYTE -> MyeloidCells.myelocyte(d);
            case METAMYELOCYTE -> MyeloidCells.metamyelocyte(d);
            case BAND_NEUTROPHIL -> MyeloidCells.band(d);
            case SEGMENTED_NEUTROPHIL -> MyeloidCells.segmented(d);
            case EOSINOPHIL -> MyeloidCells.eosinophil(d);
            case BASOPHIL -> MyeloidCells.basophil(d);
            case MONOCYTE -> MyeloidCells.monocyte(d);
            case MEGAKARYOCYTE -> MyeloidCells.megakaryocyte(d);
            case LYMPHOCYTE -> LymphoidCells.lymphocyte(d);
            case LYMPHOBLAST -> LymphoidCells.lymphoblast(d);
            case SMUDGE_CELL -> LymphoidCells.smudge(d);
            case PLASMA_CELL -> LymphoidCells.plasmaCell(d);
            case BASOPHILIC_NORMOBLAST -> ErythroidCells.basophilicNormoblast(d);
            case POLYCHROMATIC_NORMOBLAST -> ErythroidCells.polychromaticNormoblast(d);
            case ORTHOCHROMATIC_NORMOBLAST -> ErythroidCells.orthochromaticNormoblast(d);
        }
        return d.build();
    }
}
