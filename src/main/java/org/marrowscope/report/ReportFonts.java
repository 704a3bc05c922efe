package org.marrowscope.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's typefaces: DejaVu Sans and DejaVu Sans Bold, bundled (PDF/A forbids relying on the reader's
 * fonts) and embedded as subsets. They carry what clinical text needs (micro sign, >=, +-, en dash, accents).
 */
final class ReportFonts {

    private static final String FOLDER = "fonts/";
    private static final byte[] REGULAR = read("DejaVuSans.ttf");
    private static final byte[] BOLD = read("DejaVuSans-Bold.ttf");
    private static final CmapLookup REGULAR_CMAP = cmap(REGULAR);
    private static final CmapLookup BOLD_CMAP = cmap(BOLD);

    /** The two faces embedded in one document. */
    record Pdf(PDFont regular, PDFont bold) {
    }

    private ReportFonts() {
    }

    static Pdf embed(PDDocument document) throws IOException {
        return new Pdf(load(document, REGULAR), load(document, BOLD));
    }

    private static PDFont load(PDDocument document, byte[] ttf) throws IOException {
        return PDType0Font.load(document, new ByteArrayInputStream(ttf), true);
    }

    /**
     * Text the fonts can show: line breaks and tabs become spaces, other control characters go, and characters
     * neither face has a glyph for (user-typed text can hold anything) become '?', since PDF/A forbids .notdef.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (REGULAR_CMAP.getGlyphId(cp) > 0 && BOLD_CMAP.getGlyphId(cp) > 0) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static byte[] read(String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("font resource " + FOLDER + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CmapLookup cmap(byte[] ttf) {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
            return font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException("bundled font cannot be parsed", e);
        }
    }
}
