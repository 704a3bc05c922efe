package org.marrowscope.report;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How a report is made.
 *
 * @param includeLabel include the slide's label image; off by default because labels often show the patient's
 *     name or number (the macro image, a photograph of the whole glass, is never included)
 * @param galleryPerClass ROIs shown per predicted class (most confident first)
 * @param disagreeingShown ROIs shown that disagree with the reference diagnosis (most confident first)
 * @param created the report's date; null for the moment it is written
 * @param zone the time zone dates are printed in
 */
public record ReportOptions(boolean includeLabel, int galleryPerClass, int disagreeingShown, Instant created,
        ZoneId zone) {

    public static final ReportOptions DEFAULTS = new ReportOptions(false, 3, 6, null, ZoneId.systemDefault());

    public ReportOptions {
        if (galleryPerClass < 0 || galleryPerClass > 12) {
            throw new IllegalArgumentException("ROIs per class in the gallery must be 0 to 12, got " + galleryPerClass);
        }
        if (disagreeingShown < 0 || disagreeingShown > 24) {
            throw new IllegalArgumentException("disagreeing ROIs shown must be 0 to 24, got " + disagreeingShown);
        }
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    public ReportOptions withIncludeLabel(boolean value) {
        return new ReportOptions(value, galleryPerClass, disagreeingShown, created, zone);
    }

    public ReportOptions withGalleryPerClass(int value) {
        return new ReportOptions(includeLabel, value, disagreeingShown, created, zone);
    }

    public ReportOptions withCreated(Instant value, ZoneId inZone) {
        return new ReportOptions(includeLabel, galleryPerClass, disagreeingShown, value, inZone);
    }
}
