package org.marrowscope.synth.smear;

import static org.marrowscope.synth.cells.CellType.*;

import java.util.SplittableRandom;
import org.marrowscope.synth.cells.CellType;

/**
 * Which nucleated cells a smear of a class contains: the neoplastic population, the residual
 * normal marrow, and how cellular the marrow is.
 */
final class Population {

    /** Differential of normal adult marrow (myeloid : erythroid about 3 : 1). */
    private static final Mix NORMAL = new Mix(
            new CellType[] {MYELOBLAST, PROMYELOCYTE, MYELOCYTE, METAMYELOCYTE, BAND_NEUTROPHIL,
                SEGMENTED_NEUTROPHIL, EOSINOPHIL, BASOPHIL, MONOCYTE, LYMPHOCYTE, PLASMA_CELL,
                BASOPHILIC_NORMOBLAST, POLYCHROMATIC_NORMOBLAST, ORTHOCHROMATIC_NORMOBLAST},
            new double[] {1.5, 3, 11, 12, 14, 14, 3, 0.4, 2.5, 12, 1, 3, 14, 8});

    private final SmearClass smearClass;
    private final Mix neoplastic;
    private final double density;

    private Population(SmearClass smearClass, Mix neoplastic, double density) {
        this.smearClass = smearClass;
        this.neoplastic = neoplastic;
        this.density = density;
    }

    static Population of(SmearClass c) {
        return switch (c) {
            case ALL -> new Population(c, new Mix(new CellType[] {LYMPHOBLAST}, new double[] {1}), 1.25);
            case AML -> new Population(c, new Mix(new CellType[] {MYELOBLAST, PROMYELOCYTE}, new double[] {88, 12}),
                    1.2);
            // chronic phase: the whole maturation spectrum, with basophilia and eosinophilia
            case CML -> new Population(c, new Mix(
                    new CellType[] {MYELOBLAST, PROMYELOCYTE, MYELOCYTE, METAMYELOCYTE, BAND_NEUTROPHIL,
                        SEGMENTED_NEUTROPHIL, EOSINOPHIL, BASOPHIL},
                    new double[] {2, 5, 24, 16, 16, 19, 8, 10}), 2.0);
            case LYMPHOMA -> new Population(c, new Mix(new CellType[] {LYMPHOCYTE, SMUDGE_CELL}, new double[] {80, 20}),
                    1.1);
            case MM -> new Population(c, new Mix(new CellType[] {PLASMA_CELL}, new double[] {1}), 1.0);
        };
    }

    SmearClass smearClass() {
        return smearClass;
    }

    /**
     * Hard-core spacing of nucleated cells in a monolayer, as a fraction of the sum of radii; the
     * packed granulocytes of CML touch more than the cells of a normocellular smear.
     */
    double spacing() {
        return smearClass == SmearClass.CML ? 0.75 : 0.92;
    }

    /** Nucleated cells per area relative to a normocellular marrow (CML is markedly hypercellular). */
    double density() {
        return density;
    }

    CellType drawNeoplastic(SplittableRandom rng) {
        return neoplastic.draw(rng);
    }

    CellType drawNormal(SplittableRandom rng) {
        return NORMAL.draw(rng);
    }

    /** Weighted choice among cell types. */
    private record Mix(CellType[] types, double[] cumulative) {
        Mix {
            double[] c = new double[cumulative.length];
            double sum = 0;
            for (int i = 0; i < c.length; i++) {
                sum += cumulative[i];
                c[i] = sum;
            }
            for (int i = 0; i < c.length; i++) {
                c[i] /= sum;
            }
            cumulative = c;
        }

        CellType draw(SplittableRandom rng) {
            double u = rng.nextDouble();
            for (int i = 0; i < types.length; i++) {
                if (u < cumulative[i]) {
                    return types[i];
                }
            }
            return types[types.length - 1];
        }
    }
}
