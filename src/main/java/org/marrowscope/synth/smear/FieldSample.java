package org.marrowscope.synth.smear;

/**
 * The low-frequency state of the smear at one point. Amounts are in [0, 1] and cross 0.5 where the
 * region changes label; thickness is on its own scale with {@link #SPARSE_BELOW} and
 * {@link #THICK_ABOVE} as the bounds of a usable monolayer.
 *
 * @param smear 1 on the smear, 0 on bare glass
 * @param thickness film thickness: low is a thin feathered film with few cells, high is thick and crowded
 * @param fat amount of adipocyte clustering
 * @param precipitate amount of stain precipitate
 * @param blur how far out of focus the scan is
 */
public record FieldSample(double smear, double thickness, double fat, double precipitate, double blur) {

    public static final double SPARSE_BELOW = 0.25;
    public static final double THICK_ABOVE = 0.75;

    /** The label a hematologist would give this point; rejection reasons in order of precedence. */
    public QualityLabel label() {
        if (smear < 0.5) {
            return QualityLabel.BACKGROUND;
        }
        if (blur >= 0.5) {
            return QualityLabel.BLUR;
        }
        if (fat >= 0.5) {
            return QualityLabel.FAT;
        }
        if (precipitate >= 0.5) {
            return QualityLabel.PRECIPITATE;
        }
        if (thickness > THICK_ABOVE) {
            return QualityLabel.THICK;
        }
        if (thickness < SPARSE_BELOW) {
            return QualityLabel.SPARSE;
        }
        return QualityLabel.GOOD;
    }

    /** How far into the thick range this point is, 0 in a monolayer to 1 at the thickest. */
    public double thickAmount() {
        double t = (thickness - (THICK_ABOVE - 0.1)) / (1.05 - (THICK_ABOVE - 0.1));
        return t < 0 ? 0 : Math.min(1, t);
    }

    /** Bilinear interpolation between four lattice samples. */
    static FieldSample bilerp(FieldSample a, FieldSample b, FieldSample c, FieldSample d, double fx, double fy) {
        return new FieldSample(
                lerp2(a.smear, b.smear, c.smear, d.smear, fx, fy),
                lerp2(a.thickness, b.thickness, c.thickness, d.thickness, fx, fy),
                lerp2(a.fat, b.fat, c.fat, d.fat, fx, fy),
                lerp2(a.precipitate, b.precipitate, c.precipitate, d.precipitate, fx, fy),
                lerp2(a.blur, b.blur, c.blur, d.blur, fx, fy));
    }

    private static double lerp2(double a, double b, double c, double d, double fx, double fy) {
        double top = a + (b - a) * fx;
        double bottom = c + (d - c) * fx;
        return top + (bottom - top) * fy;
    }
}
