package org.marrowscope.calibration;

/**
 * What a bundle's {@code calibration.json} holds: the numbers that let a result say how far to trust the model.
 * Every part is optional, so a bundle can carry what its maker could derive.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param temperature temperature scaling of the logits (classifiers); null: none
 * @param domain the domain check on the model's features; null: the model cannot say what it does not know
 * @param conformal slide-level scores on calibration slides (classifiers); null: no prediction sets
 * @param derivedFrom how and from what data the numbers were derived
 * @param date ISO date of the derivation
 */
public record ModelCalibration(int formatVersion, Temperature temperature, DomainCheck domain,
        ConformalCalibration conformal, String derivedFrom, String date) {

    public static final int FORMAT_VERSION = 1;
    /** The file name inside a bundle. */
    public static final String FILE = "calibration.json";

    public ModelCalibration {
        if (formatVersion != FORMAT_VERSION) {
            throw new IllegalArgumentException("calibration format " + formatVersion + " is not understood (only "
                    + FORMAT_VERSION + ")");
        }
    }

    /** The temperature to use: T from the file, or 1. */
    public Temperature temperatureOrNone() {
        return temperature == null ? Temperature.NONE : temperature;
    }
}
