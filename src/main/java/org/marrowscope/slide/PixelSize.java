package org.marrowscope.slide;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Physical pixel size and objective power from slide properties.
 *
 * <p>Vendor formats give {@code openslide.mpp-x/y}; OpenSlide 3.4.1 gives generic TIFF none, so the
 * TIFF resolution tags are the fallback (our synthetic slides and many lab conversions rely on them).
 */
public final class PixelSize {

    private static final double MICRONS_PER_CM = 10_000;
    private static final double MICRONS_PER_INCH = 25_400;
    private static final Pattern DESCRIPTION_OBJECTIVE =
            Pattern.compile("(?:AppMag|objective(?:[-_ ]power)?)\\s*[=:]\\s*([0-9]+(?:\\.[0-9]+)?)", Pattern.CASE_INSENSITIVE);

    private PixelSize() {
    }

    public static Optional<MicronsPerPixel> fromProperties(Map<String, String> properties) {
        Optional<Double> x = positive(properties.get("openslide.mpp-x"));
        Optional<Double> y = positive(properties.get("openslide.mpp-y"));
        if (x.isPresent() && y.isPresent()) {
            return Optional.of(new MicronsPerPixel(x.get(), y.get(), "openslide.mpp-x/y"));
        }
        Optional<Double> micronsPerUnit = unitInMicrons(properties.get("tiff.ResolutionUnit"));
        Optional<Double> xres = positive(properties.get("tiff.XResolution"));
        Optional<Double> yres = positive(properties.get("tiff.YResolution"));
        if (micronsPerUnit.isPresent() && xres.isPresent()) {
            double mx = micronsPerUnit.get() / xres.get();
            double my = micronsPerUnit.get() / yres.orElse(xres.get());
            return Optional.of(new MicronsPerPixel(mx, my, "tiff.XResolution/tiff.ResolutionUnit"));
        }
        return Optional.empty();
    }

    public static Optional<Double> objectivePower(Map<String, String> properties) {
        Optional<Double> stated = positive(properties.get("openslide.objective-power"));
        if (stated.isPresent()) {
            return stated;
        }
        String description = properties.get("tiff.ImageDescription");
        if (description != null) {
            Matcher m = DESCRIPTION_OBJECTIVE.matcher(description);
            if (m.find()) {
                return positive(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** Micrometres in one TIFF resolution unit; "none" (1) and unknown units give no physical size. */
    private static Optional<Double> unitInMicrons(String unit) {
        if (unit == null) {
            return Optional.empty();
        }
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "centimeter", "centimetre", "cm", "3" -> Optional.of(MICRONS_PER_CM);
            case "inch", "2" -> Optional.of(MICRONS_PER_INCH);
            default -> Optional.empty();
        };
    }

    private static Optional<Double> positive(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(text.trim());
            return v > 0 && Double.isFinite(v) ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
