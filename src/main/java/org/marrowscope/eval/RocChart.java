package org.marrowscope.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.marrowscope.colour.ClassColours;

/**
 * The paper's ROC figure for one row of the tables: one-vs-rest curves per class in the class colours, the
 * micro- and macro-averaged curves, the chance diagonal, and every AUC in the legend (XChart, PNG).
 */
final class RocChart {

    private RocChart() {
    }

    static byte[] png(LevelResult row, String title) throws IOException {
        Cases data = row.data();
        XYChart chart = new XYChartBuilder().width(720).height(640).title(title)
                .xAxisTitle("False positive rate (1 - specificity)").yAxisTitle("True positive rate (sensitivity)").build();
        XYStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.02);
        List<String> classes = data.classes();
        for (int c = 0; c < classes.size(); c++) {
            RocCurve curve = data.curve(c);
            if (curve.fpr().length == 0) {
                continue;
            }
            add(chart, String.format(Locale.ROOT, "%s (AUC %.3f)", classes.get(c), row.classAuc().get(classes.get(c))),
                    curve, new Color(ClassColours.of(classes.get(c), classes)), false);
        }
        add(chart, String.format(Locale.ROOT, "micro-average (AUC %.3f)", row.value("microAuc")), data.microCurve(),
                Color.BLACK, true);
        add(chart, String.format(Locale.ROOT, "macro-average (AUC %.3f)", row.value("macroAuc")), data.macroCurve(),
                new Color(0x6A3D9A), true);
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(Color.GRAY);
        chance.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void add(XYChart chart, String name, RocCurve curve, Color colour, boolean dashed) {
        if (curve.fpr().length == 0) {
            return;
        }
        XYSeries s = chart.addSeries(name, curve.fpr(), curve.tpr());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(dashed ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 4f}, 0f) : new BasicStroke(1.6f));
    }
}
