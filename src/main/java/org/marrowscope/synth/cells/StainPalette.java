package org.marrowscope.synth.cells;

/**
 * The Wright-Giemsa stain of one slide, as absorbance vectors per unit of dye bound.
 *
 * <p>Every material (chromatin, cytoplasm, haemoglobin, granules) is described as amounts of these
 * four components, so a slide-wide change of stain strength or hue changes every class of cell in
 * the same way and can never hint at the diagnosis.
 *
 * @param chromatin Romanowsky purple of azure B bound to DNA (nuclei, basophil granules)
 * @param basophil blue of azure/methylene blue bound to RNA (immature and plasma cell cytoplasm)
 * @param eosin pink-salmon of eosin (haemoglobin, mature granulocyte cytoplasm)
 * @param orange orange-red of eosinophil granules
 * @param whiteR illumination (glass) level of the red channel, 0..255
 * @param whiteG illumination level of the green channel
 * @param whiteB illumination level of the blue channel
 * @param baseFeather edge softness in pixels of a slide in perfect focus (scanner optics)
 */
public record StainPalette(
        Od chromatin,
        Od basophil,
        Od eosin,
        Od orange,
        double whiteR,
        double whiteG,
        double whiteB,
        double baseFeather) {

    /** Absorbance of a material made of the given dye amounts. */
    public Od mix(double p, double b, double e, double o) {
        return new Od(
                (float) (p * chromatin.r() + b * basophil.r() + e * eosin.r() + o * orange.r()),
                (float) (p * chromatin.g() + b * basophil.g() + e * eosin.g() + o * orange.g()),
                (float) (p * chromatin.b() + b * basophil.b() + e * eosin.b() + o * orange.b()));
    }

    /** The reference stain: colours measured on typical Wright-Giemsa marrow smears at 40x. */
    public static StainPalette reference() {
        double w = 246;
        return new StainPalette(
                Od.ofColour(100, 50, 158, w),
                Od.ofColour(86, 106, 176, w),
                Od.ofColour(224, 112, 118, w),
                Od.ofColour(240, 150, 96, w),
                w, w, w, 1.0);
    }
}
