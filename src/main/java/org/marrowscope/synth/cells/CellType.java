package org.marrowscope.synth.cells;

/**
 * Nucleated cell types a synthetic marrow smear contains, with the diameter range (micrometres)
 * they show on a Wright-Giemsa smear, where cells are flattened and look larger than in suspension.
 */
public enum CellType {
    MYELOBLAST("myeloblast", 14, 20),
    PROMYELOCYTE("promyelocyte", 16, 23),
    MYELOCYTE("myelocyte", 12, 17),
    METAMYELOCYTE("metamyelocyte", 11, 15),
    BAND_NEUTROPHIL("band neutrophil", 10, 14),
    SEGMENTED_NEUTROPHIL("segmented neutrophil", 10, 14),
    EOSINOPHIL("eosinophil", 12, 16),
    BASOPHIL("basophil", 10, 13),
    MONOCYTE("monocyte", 14, 20),
    LYMPHOCYTE("lymphocyte", 7.5, 11),
    LYMPHOBLAST("lymphoblast", 10, 16),
    PLASMA_CELL("plasma cell", 10, 16),
    BASOPHILIC_NORMOBLAST("basophilic normoblast", 12, 16),
    POLYCHROMATIC_NORMOBLAST("polychromatic normoblast", 9, 12),
    ORTHOCHROMATIC_NORMOBLAST("orthochromatic normoblast", 7.5, 9.5),
    SMUDGE_CELL("smudge cell", 12, 22),
    MEGAKARYOCYTE("megakaryocyte", 35, 60);

    private final String label;
    private final double minDiameterUm;
    private final double maxDiameterUm;

    CellType(String label, double minDiameterUm, double maxDiameterUm) {
        this.label = label;
        this.minDiameterUm = minDiameterUm;
        this.maxDiameterUm = maxDiameterUm;
    }

    public String label() {
        return label;
    }

    public double maxDiameterUm() {
        return maxDiameterUm;
    }

    /** Diameter for a size draw {@code u} in [0, 1]. */
    public double diameterUm(double u) {
        return minDiameterUm + u * (maxDiameterUm - minDiameterUm);
    }
}
