package org.marrowscope.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.pipeline.result.Vote;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ModelVote;
import org.marrowscope.report.PageFlow.Style;

/**
 * The per-model vote chart: one 100% stacked bar per classifier and one for the ensemble, segments in the class
 * colours. Drawn as PDF vector graphics with the report's own fonts rather than through a chart library: five
 * coloured rectangles per bar need no library, and vectors stay sharp when printed or zoomed.
 */
final class VoteChart {

    private static final float BAR = 10;
    private static final float ROW = 15;
    private static final float LABEL = 120;

    private VoteChart() {
    }

    static void render(ReportContext ctx) throws IOException {
        ClassificationResult r = ctx.result;
        PageFlow flow = ctx.flow;
        Styles s = ctx.styles;
        List<String> classes = r.classes();
        List<String> names = new ArrayList<>();
        List<Vote> votes = new ArrayList<>();
        for (ModelVote m : r.perModel()) {
            names.add(m.model().name());
            votes.add(m.vote());
        }
        if (r.perModel().size() > 1) {
            names.add("Ensemble");
            votes.add(r.ensemble());
        }
        float height = votes.size() * ROW + 4 + ROW + 30;
        flow.ensure(height);
        flow.down(8);
        float barLeft = flow.left() + LABEL;
        float barWidth = flow.width() - LABEL - 4;
        Style label = s.small();
        Style inside = s.small().size(7);
        for (int i = 0; i < votes.size(); i++) {
            boolean ensemble = r.perModel().size() > 1 && i == votes.size() - 1;
            float top = flow.y();
            float baseline = top - (ROW - label.size()) / 2 - label.size() + 1;
            Style nameStyle = ensemble ? s.smallBold() : label;
            String name = PageFlow.wrap(names.get(i), nameStyle, LABEL - 8).getFirst();
            flow.textRight(name, nameStyle, barLeft - 6, baseline);
            double[] fractions = votes.get(i).fractions();
            float x = barLeft;
            float barTop = top - (ROW - BAR) / 2;
            for (int c = 0; c < classes.size(); c++) {
                float w = (float) (fractions[c] * barWidth);
                if (w <= 0) {
                    continue;
                }
                Color colour = ResultSection.colour(classes.get(c), classes);
                flow.fill(x, barTop, w, BAR, colour);
                String pct = Fmt.percent(fractions[c]);
                if (w > PageFlow.width(pct, inside) + 4) {
                    flow.text(pct, inside.colour(textOn(colour)), x + (w - PageFlow.width(pct, inside)) / 2,
                            barTop - BAR + 2.6f);
                }
                x += w;
            }
            flow.stroke(barLeft, barTop, barWidth, BAR, ensemble ? Styles.INK : Styles.MUTED, ensemble ? 0.9f : 0.4f);
            flow.down(ROW);
        }
        legend(ctx, barLeft, classes);
        ctx.caption(ctx.nextFigure(), "Vote fractions of each classifier" + (r.perModel().size() > 1
                ? " and of the ensemble (all classifiers' tile votes pooled)" : "") + ", by class.", flow.left(),
                flow.width());
    }

    private static void legend(ReportContext ctx, float x0, List<String> classes) throws IOException {
        PageFlow flow = ctx.flow;
        Style style = ctx.styles.small();
        float x = x0;
        float top = flow.y() - 3;
        for (String c : classes) {
            Color colour = ResultSection.colour(c, classes);
            flow.fill(x, top, 7, 7, colour);
            flow.stroke(x, top, 7, 7, Styles.MUTED, 0.4f);
            flow.text(c, style, x + 10, top - 6.5f);
            x += 10 + PageFlow.width(c, style) + 14;
        }
        flow.down(ROW);
    }

    /** Black text on light segments (CML yellow, MM light blue), white on dark ones. */
    static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance > 140 ? Styles.INK : Color.WHITE;
    }
}
