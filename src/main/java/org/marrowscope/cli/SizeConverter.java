package org.marrowscope.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses "40000x30000" (also "40kx30k") into a {@link Size}. */
public final class SizeConverter implements ITypeConverter<SizeConverter.Size> {

    /** Width and height in pixels. */
    public record Size(long width, long height) {
        long pixels() {
            return width * height;
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    @Override
    public Size convert(String value) {
        String[] parts = value.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new TypeConversionException("expected WIDTHxHEIGHT, e.g. 20000x15000, got '" + value + "'");
        }
        long w = number(parts[0], value);
        long h = number(parts[1], value);
        if (w < 64 || h < 64) {
            throw new TypeConversionException("a slide must be at least 64x64 pixels, got " + value);
        }
        return new Size(w, h);
    }

    private static long number(String text, String whole) {
        try {
            return text.endsWith("k") ? Long.parseLong(text.substring(0, text.length() - 1)) * 1000 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expected WIDTHxHEIGHT, e.g. 20000x15000, got '" + whole + "'");
        }
    }
}
