package org.marrowscope.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.report.PageFlow.Style;

/**
 * Ruled tables: a shaded header row (repeated after a page break), cells that wrap, numbers aligned right, an
 * optional colour swatch before a cell's text (class colours), and key/value grids for case and slide fields.
 */
final class Tables {

    private static final float PAD_X = 4;
    private static final float PAD_Y = 2.5f;
    private static final float SWATCH = 7;
    private static final float KEEP_TOGETHER = 220;

    enum Align { LEFT, RIGHT }

    /** A column: header, share of the table width (weights are normalised), alignment. */
    record Column(String header, float weight, Align align) {
        static Column left(String header, float weight) {
            return new Column(header, weight, Align.LEFT);
        }

        static Column right(String header, float weight) {
            return new Column(header, weight, Align.RIGHT);
        }
    }

    /** A cell: text, bold or not, an optional text colour and an optional swatch colour. */
    record Cell(String text, boolean bold, Color colour, Color swatch) {
        static Cell of(String text) {
            return new Cell(text, false, null, null);
        }

        static Cell bold(String text) {
            return new Cell(text, true, null, null);
        }

        Cell withSwatch(Color c) {
            return new Cell(text, bold, colour, c);
        }

        Cell withColour(Color c) {
            return new Cell(text, bold, c, swatch);
        }

        Cell asBold(boolean b) {
            return new Cell(text, b, colour, swatch);
        }
    }

    private Tables() {
    }

    static void table(PageFlow flow, Styles styles, List<Column> columns, List<List<Cell>> rows) throws IOException {
        table(flow, styles.small(), styles.smallBold(), columns, rows);
    }

    static void table(PageFlow flow, Style regular, Style bold, List<Column> columns, List<List<Cell>> rows)
            throws IOException {
        float[] widths = widths(flow.width(), columns);
        List<Cell> header = columns.stream().map(c -> Cell.bold(c.header())).toList();
        float headerHeight = rowHeight(header, widths, regular, bold);
        float total = headerHeight;
        for (List<Cell> row : rows) {
            total += rowHeight(row, widths, regular, bold);
        }
        // A short table moves whole to the next page; a long one starts here and repeats its header there.
        flow.ensure(total <= KEEP_TOGETHER ? total
                : headerHeight + (rows.isEmpty() ? 0 : rowHeight(rows.getFirst(), widths, regular, bold)));
        drawRow(flow, header, columns, widths, regular, bold, Styles.HEADER_FILL);
        for (List<Cell> row : rows) {
            float h = rowHeight(row, widths, regular, bold);
            if (flow.remaining() < h) {
                flow.newPage();
                drawRow(flow, header, columns, widths, regular, bold, Styles.HEADER_FILL);
            }
            drawRow(flow, row, columns, widths, regular, bold, null);
        }
    }

    /** Key/value pairs laid out {@code perRow} pairs to a row, keys in bold, no header. */
    static void keyValues(PageFlow flow, Styles styles, List<String[]> pairs, int perRow) throws IOException {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < perRow; i++) {
            columns.add(Column.left("", 1.1f));
            columns.add(Column.left("", 1.6f));
        }
        float[] widths = widths(flow.width(), columns);
        Style key = styles.bold().colour(Styles.MUTED).size(8.5f);
        Style value = styles.body().size(8.5f);
        for (int i = 0; i < pairs.size(); i += perRow) {
            List<Cell> row = new ArrayList<>();
            for (int j = 0; j < perRow; j++) {
                String[] pair = i + j < pairs.size() ? pairs.get(i + j) : new String[] {"", ""};
                row.add(Cell.bold(pair[0]));
                row.add(Cell.of(pair[1]));
            }
            float h = rowHeight(row, widths, value, key);
            flow.ensure(h);
            drawRow(flow, row, columns, widths, value, key, null);
        }
    }

    private static float[] widths(float total, List<Column> columns) {
        float sum = 0;
        for (Column c : columns) {
            sum += c.weight();
        }
        float[] w = new float[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = total * columns.get(i).weight() / sum;
        }
        return w;
    }

    private static float rowHeight(List<Cell> row, float[] widths, Style regular, Style bold) throws IOException {
        int lines = 1;
        for (int i = 0; i < row.size(); i++) {
            Cell c = row.get(i);
            lines = Math.max(lines, PageFlow.wrap(c.text(), c.bold() ? bold : regular, textWidth(c, widths[i])).size());
        }
        return lines * regular.leading() + 2 * PAD_Y;
    }

    private static float textWidth(Cell c, float columnWidth) {
        return columnWidth - 2 * PAD_X - (c.swatch() != null ? SWATCH + 3 : 0);
    }

    private static void drawRow(PageFlow flow, List<Cell> row, List<Column> columns, float[] widths, Style regular,
            Style bold, Color fill) throws IOException {
        float h = rowHeight(row, widths, regular, bold);
        float top = flow.y();
        if (fill != null) {
            flow.fill(flow.left(), top, flow.width(), h, fill);
        }
        float x = flow.left();
        for (int i = 0; i < row.size(); i++) {
            Cell c = row.get(i);
            Style style = c.bold() ? bold : regular;
            if (c.colour() != null) {
                style = style.colour(c.colour());
            }
            float textX = x + PAD_X;
            if (c.swatch() != null) {
                float sy = top - PAD_Y - (regular.leading() - SWATCH) / 2 - 0.5f;
                flow.fill(textX, sy, SWATCH, SWATCH, c.swatch());
                flow.stroke(textX, sy, SWATCH, SWATCH, Styles.MUTED, 0.4f);
                textX += SWATCH + 3;
            }
            float available = textWidth(c, widths[i]);
            float baseline = top - PAD_Y - regular.size();
            for (String line : PageFlow.wrap(c.text(), style, available)) {
                if (columns.get(i).align() == Align.RIGHT) {
                    flow.textRight(line, style, x + widths[i] - PAD_X, baseline);
                } else {
                    flow.text(line, style, textX, baseline);
                }
                baseline -= regular.leading();
            }
            x += widths[i];
        }
        flow.line(flow.left(), top - h, flow.left() + flow.width(), top - h, Styles.RULE, 0.5f);
        flow.down(h);
    }
}
