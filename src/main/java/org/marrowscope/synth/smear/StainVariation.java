package org.marrowscope.synth.smear;

import java.util.SplittableRandom;
import org.marrowscope.synth.cells.Noise;
import org.marrowscope.synth.cells.Od;
import org.marrowscope.synth.cells.StainPalette;

/**
 * How one slide's staining and scan differ from the reference. Drawn from the slide seed alone,
 * never from the diagnosis, so stain cannot leak the class.
 *
 * @param azure strength (saturation) of the basic azure / methylene blue dyes: nuclei and blue cytoplasm
 * @param eosin strength (saturation) of eosin: red cells, pink granulocyte cytoplasm, eosinophil granules
 * @param hue rotation of all dye colours about the grey axis, degrees (negative: bluer)
 * @param brightness illumination level of bare glass, 0..255
 * @param warmth white balance, -1 (cool) to 1 (warm)
 * @param blurPx edge softness of the scan in focus, pixels
 */
public record StainVariation(double azure, double eosin, double hue, double brightness, double warmth,
                             double blurPx) {

    /** Glass is never darker than this, so background tiles read as near-white (all channels >= 235). */
    static final double MIN_BRIGHTNESS = 242;

    public StainVariation {
        if (azure <= 0 || eosin <= 0 || blurPx <= 0) {
            throw new IllegalArgumentException("stain strengths and blur must be positive");
        }
        if (brightness < MIN_BRIGHTNESS || brightness > 255) {
            throw new IllegalArgumentException("brightness must be in [" + MIN_BRIGHTNESS + ", 255]: " + brightness);
        }
    }

    public static final StainVariation REFERENCE = new StainVariation(1, 1, 0, 247, 0, 1.0);

    /** The variation of slide {@code seed}. */
    public static StainVariation draw(long seed) {
        SplittableRandom rng = new SplittableRandom(Noise.mix(seed ^ 0x57A1_4E5E_ED00_0001L));
        return new StainVariation(
                0.78 + 0.5 * rng.nextDouble(),
                0.72 + 0.6 * rng.nextDouble(),
                -12 + 24 * rng.nextDouble(),
                MIN_BRIGHTNESS + 11 * rng.nextDouble(),
                -1 + 2 * rng.nextDouble(),
                0.8 + 0.6 * rng.nextDouble());
    }

    /** The dye colours and illumination this variation gives. */
    public StainPalette palette() {
        StainPalette ref = StainPalette.reference();
        double r = Math.min(255, brightness + 4 * warmth);
        double b = Math.min(255, brightness - 4 * warmth);
        return new StainPalette(
                rotate(ref.chromatin()).times(azure),
                rotate(ref.basophil()).times(azure),
                rotate(ref.eosin()).times(eosin),
                rotate(ref.orange()).times(eosin),
                r, brightness, b, blurPx);
    }

    /** Hue rotation about the grey axis (Rodrigues); keeps the total absorbance of each dye. */
    private Od rotate(Od v) {
        double a = Math.toRadians(hue);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double k = 1 / Math.sqrt(3);
        double dot = (v.r() + v.g() + v.b()) * k;
        double cr = k * (v.b() - v.g());
        double cg = k * (v.r() - v.b());
        double cb = k * (v.g() - v.r());
        double t = dot * k * (1 - c);
        return new Od(
                (float) Math.max(0.005, v.r() * c + cr * s + t),
                (float) Math.max(0.005, v.g() * c + cg * s + t),
                (float) Math.max(0.005, v.b() * c + cb * s + t));
    }
}
