package org.marrowscope.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and date formats of the report: fixed (not the machine's locale), so reports read the same anywhere. */
final class Fmt {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'xxx", Locale.ROOT);

    private Fmt() {
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A threshold as typed: 0.8, not 0.800. */
    static String threshold(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    static String seconds(double s) {
        return s < 10 ? String.format(Locale.ROOT, "%.2f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }

    static String mpp(double micronsPerPixel) {
        return String.format(Locale.ROOT, "%.3f µm/px", micronsPerPixel);
    }

    /** Where a slide's resolution came from, in words ("openslide.mpp-x/y" is the scanner's own metadata). */
    static String mppSource(String source) {
        if (source == null) {
            return "source unknown";
        }
        if (source.startsWith("openslide.mpp")) {
            return "scanner metadata";
        }
        if (source.startsWith("tiff.")) {
            return "TIFF resolution tags";
        }
        return source.equals("user") ? "entered by the user" : source;
    }

    static String bytes(long n) {
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
        }
        return String.format(Locale.ROOT, "%.2f GiB", n / 1073741824.0);
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** A result's ISO-8601 timestamp in the report's zone, or as stored when it does not parse. */
    static String dateTime(String iso, ZoneId zone) {
        try {
            return dateTime(Instant.parse(iso), zone);
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
