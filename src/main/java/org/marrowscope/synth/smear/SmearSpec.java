package org.marrowscope.synth.smear;

import java.util.SplittableRandom;
import org.marrowscope.synth.cells.Noise;

/**
 * Everything that defines one synthetic slide. Two specs that are equal render identical pixels.
 *
 * @param smearClass the diagnosis whose neoplastic cells the smear carries
 * @param seed seed of every random choice on the slide
 * @param width level-0 width in pixels
 * @param height level-0 height in pixels
 * @param micronsPerPixel scan resolution (0.25 = 40x)
 * @param tumourBurden fraction of nucleated cells that are neoplastic, 0..1
 * @param stain the slide's stain, illumination and focus variation
 */
public record SmearSpec(SmearClass smearClass, long seed, long width, long height, double micronsPerPixel,
                        double tumourBurden, StainVariation stain) {

    public static final double DEFAULT_MICRONS_PER_PIXEL = 0.25;

    public SmearSpec {
        if (smearClass == null || stain == null) {
            throw new IllegalArgumentException("class and stain are required");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("slide size must be positive: " + width + " x " + height);
        }
        if (!(micronsPerPixel >= 0.1 && micronsPerPixel <= 1.0)) {
            throw new IllegalArgumentException("microns per pixel must be in [0.1, 1]: " + micronsPerPixel);
        }
        if (!(tumourBurden >= 0 && tumourBurden <= 1)) {
            throw new IllegalArgumentException("tumour burden must be in [0, 1]: " + tumourBurden);
        }
    }

    /** A 40x slide whose burden and stain are drawn from the seed. */
    public static SmearSpec of(SmearClass smearClass, long seed, long width, long height) {
        return new SmearSpec(smearClass, seed, width, height, DEFAULT_MICRONS_PER_PIXEL,
                drawBurden(smearClass, seed), StainVariation.draw(seed));
    }

    /**
     * Burden of a slide of this class: acute leukaemias are mostly blasts at diagnosis, CML marrow is
     * nearly all granulocytic, lymphoma and myeloma infiltrates vary more (the paper stratifies MM at
     * 60% plasma cells).
     */
    static double drawBurden(SmearClass smearClass, long seed) {
        SplittableRandom rng = new SplittableRandom(Noise.mix(seed ^ 0xB0_4DE4_0000_0002L));
        double u = rng.nextDouble();
        return switch (smearClass) {
            case ALL -> 0.5 + 0.45 * u;
            case AML -> 0.3 + 0.6 * u;
            case CML -> 0.6 + 0.35 * u;
            case LYMPHOMA -> 0.3 + 0.55 * u;
            case MM -> 0.2 + 0.6 * u;
        };
    }

    public SmearSpec withTumourBurden(double burden) {
        return new SmearSpec(smearClass, seed, width, height, micronsPerPixel, burden, stain);
    }

    public SmearSpec withMicronsPerPixel(double mpp) {
        return new SmearSpec(smearClass, seed, width, height, mpp, tumourBurden, stain);
    }

    public SmearSpec withStain(StainVariation variation) {
        return new SmearSpec(smearClass, seed, width, height, micronsPerPixel, tumourBurden, variation);
    }

    public double pixelsPerMicron() {
        return 1 / micronsPerPixel;
    }
}
