package org.marrowscope.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays content out top to bottom on A4 pages: a cursor that moves down, a new page when a block does not fit,
 * and the drawing primitives (wrapped text, rectangles, images) the sections use. Coordinates are PDF points
 * with the origin at the bottom left; {@link #y()} is the top of the free space on the current page.
 */
final class PageFlow implements AutoCloseable {

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 50;
    /** Body top and bottom, leaving room for the header and footer drawn once the page count is known. */
    static final float BODY_TOP = SIZE.getHeight() - 64;
    static final float BODY_BOTTOM = 56;

    /** A font, size, colour and line height. */
    record Style(PDFont font, float size, Color colour, float leading) {
        Style(PDFont font, float size, Color colour) {
            this(font, size, colour, size * 1.35f);
        }

        Style colour(Color c) {
            return new Style(font, size, c, leading);
        }

        Style size(float s) {
            return new Style(font, s, colour, s * 1.35f);
        }
    }

    private final PDDocument document;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    PageFlow(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    PDDocument document() {
        return document;
    }

    List<PDPage> pages() {
        return List.copyOf(pages);
    }

    PDPageContentStream content() {
        return content;
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    float y() {
        return y;
    }

    /** Space left above the bottom margin on this page. */
    float remaining() {
        return y - BODY_BOTTOM;
    }

    /** Moves the cursor down (never onto a new page: a gap at the bottom of a page is just dropped). */
    void down(float points) {
        y = Math.max(BODY_BOTTOM, y - points);
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void ensure(float height) throws IOException {
        if (y - height < BODY_BOTTOM && y < BODY_TOP) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = BODY_TOP;
    }

    /** Width of {@code text} as {@link #text} would draw it. */
    static float width(String text, Style style) throws IOException {
        return style.font().getStringWidth(ReportFonts.printable(text)) / 1000f * style.size();
    }

    /** {@code text} cut with an ellipsis at the end so that it fits {@code maxWidth}. */
    static String ellipsize(String text, Style style, float maxWidth) throws IOException {
        String t = ReportFonts.printable(text);
        if (width(t, style) <= maxWidth) {
            return t;
        }
        int end = t.length();
        while (end > 0 && width(t.substring(0, end) + "…", style) > maxWidth) {
            end = t.offsetByCodePoints(end, -1);
        }
        return t.substring(0, end) + "…";
    }

    /** One line of text with its baseline at {@code baseline}. */
    void text(String text, Style style, float x, float baseline) throws IOException {
        String printable = ReportFonts.printable(text);
        if (printable.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(style.font(), style.size());
        content.setNonStrokingColor(style.colour());
        content.newLineAtOffset(x, baseline);
        content.showText(printable);
        content.endText();
    }

    /** Text right-aligned to {@code right}. */
    void textRight(String text, Style style, float right, float baseline) throws IOException {
        text(text, style, right - width(text, style), baseline);
    }

    /** A wrapped paragraph across the full width, breaking pages between lines; the cursor ends below it. */
    void paragraph(String text, Style style) throws IOException {
        paragraph(text, style, left(), width());
    }

    void paragraph(String text, Style style, float x, float maxWidth) throws IOException {
        for (String line : wrap(text, style, maxWidth)) {
            ensure(style.leading());
            text(line, style, x, y - style.size());
            y -= style.leading();
        }
    }

    /** Height {@link #paragraph} would take. */
    static float height(String text, Style style, float maxWidth) throws IOException {
        return wrap(text, style, maxWidth).size() * style.leading();
    }

    /**
     * Breaks text into lines no wider than {@code maxWidth}: at spaces, and inside words (hashes, paths) that are
     * wider than a line on their own.
     */
    static List<String> wrap(String text, Style style, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : ReportFonts.printable(text).split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, style) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, style) > maxWidth) {
                int cut = fitting(rest, style, maxWidth);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Length of the longest prefix of {@code word} (at least one character) that fits in {@code maxWidth}, ending
     * after a hyphen, slash or underscore where one falls inside it: model names such as {@code demo-densenet}
     * then break as "demo-" and "densenet", not mid-word.
     */
    private static int fitting(String word, Style style, float maxWidth) throws IOException {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(word.substring(0, next), style) > maxWidth) {
                break;
            }
            end = next;
        }
        for (int i = end; i > 0; i--) {
            char c = word.charAt(i - 1);
            if (c == '-' || c == '/' || c == '_') {
                return i;
            }
        }
        return end;
    }

    void fill(float x, float top, float w, float h, Color colour) throws IOException {
        content.setNonStrokingColor(colour);
        content.addRect(x, top - h, w, h);
        content.fill();
    }

    void stroke(float x, float top, float w, float h, Color colour, float lineWidth) throws IOException {
        content.setStrokingColor(colour);
        content.setLineWidth(lineWidth);
        content.addRect(x, top - h, w, h);
        content.stroke();
    }

    void line(float x0, float y0, float x1, float y1, Color colour, float lineWidth) throws IOException {
        content.setStrokingColor(colour);
        content.setLineWidth(lineWidth);
        content.moveTo(x0, y0);
        content.lineTo(x1, y1);
        content.stroke();
    }

    void image(PDImageXObject image, float x, float top, float w, float h) throws IOException {
        content.drawImage(image, x, top - h, w, h);
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
