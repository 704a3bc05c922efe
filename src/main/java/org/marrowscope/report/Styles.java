package org.marrowscope.report;

import java.awt.Color;
import org.marrowscope.report.PageFlow.Style;

/** The report's type scale and colours, one place to keep the pages consistent. */
record Styles(ReportFonts.Pdf fonts, Style title, Style heading, Style subheading, Style body, Style bold, Style small,
        Style smallBold, Style caption, Style header) {

    static final Color INK = new Color(0x1A1A1A);
    static final Color MUTED = new Color(0x4D4D4D);
    static final Color ACCENT = new Color(0x1F3A5F);
    static final Color RULE = new Color(0xB8C2CC);
    static final Color HEADER_FILL = new Color(0xE6ECF2);
    static final Color WARNING = new Color(0xB00020);
    static final Color CAUTION = new Color(0xA15C00);
    static final Color CAUTION_FILL = new Color(0xFFF4E0);
    static final Color WARNING_FILL = new Color(0xFDECEE);
    static final Color OK = new Color(0x1E6B3A);

    static Styles of(ReportFonts.Pdf fonts) {
        return new Styles(fonts,
                new Style(fonts.bold(), 16, ACCENT),
                new Style(fonts.bold(), 12, ACCENT),
                new Style(fonts.bold(), 10, INK),
                new Style(fonts.regular(), 9, INK),
                new Style(fonts.bold(), 9, INK),
                new Style(fonts.regular(), 7.5f, INK),
                new Style(fonts.bold(), 7.5f, INK),
                new Style(fonts.regular(), 8, MUTED),
                new Style(fonts.regular(), 7.5f, MUTED));
    }
}
