package org.marrowscope.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.marrowscope.report.PageFlow.Style;

/** A framed block of paragraphs (diagnosis, warnings, intended use), kept whole on one page. */
final class Boxes {

    private static final float PAD = 7;
    private static final float GAP = 3;

    /** One paragraph of a box. */
    record Line(String text, Style style) {
    }

    private Boxes() {
    }

    static void box(PageFlow flow, List<Line> lines, Color border, Color fill, float borderWidth) throws IOException {
        float inner = flow.width() - 2 * PAD - borderWidth * 2;
        float height = 2 * PAD;
        for (Line l : lines) {
            height += PageFlow.height(l.text(), l.style(), inner) + GAP;
        }
        height -= GAP;
        flow.ensure(height + 4);
        float top = flow.y();
        if (fill != null) {
            flow.fill(flow.left(), top, flow.width(), height, fill);
        }
        flow.stroke(flow.left() + borderWidth / 2, top - borderWidth / 2, flow.width() - borderWidth,
                height - borderWidth, border, borderWidth);
        flow.down(PAD);
        float x = flow.left() + PAD + borderWidth;
        for (int i = 0; i < lines.size(); i++) {
            flow.paragraph(lines.get(i).text(), lines.get(i).style(), x, inner);
            if (i < lines.size() - 1) {
                flow.down(GAP);
            }
        }
        flow.down(PAD + 6);
        // Wrapped text may end a little above the computed bottom; continue below the frame either way.
        float bottom = top - height - 6;
        if (flow.y() > bottom) {
            flow.down(flow.y() - bottom);
        }
    }
}
