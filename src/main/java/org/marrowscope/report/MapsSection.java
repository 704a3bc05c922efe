package org.marrowscope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.marrowscope.pipeline.maps.SaliencyMap;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.report.PageFlow.Style;
import org.marrowscope.slide.SlideException;

/**
 * Where the models looked: the slide overview with the ROI centres coloured by predicted class, and the same
 * overview under the saliency map. Images are drawn with Java2D; legends and colour-bar labels are PDF text.
 */
final class MapsSection {

    private static final int THUMBNAIL_MAX_WIDTH = 1200;
    private static final int THUMBNAIL_MAX_HEIGHT = 1000;
    private static final float LEGEND = 112;
    private static final float MAX_HEIGHT = 285;

    private MapsSection() {
    }

    static void render(ReportContext ctx) throws IOException, SlideException, InterruptedException {
        ClassificationResult r = ctx.result;
        Thumbnail thumbnail = Thumbnail.read(ctx.slide, THUMBNAIL_MAX_WIDTH, THUMBNAIL_MAX_HEIGHT);
        ReportContext.checkCancelled();
        PageFlow flow = ctx.flow;
        float aspect = (float) thumbnail.image().getWidth() / thumbnail.image().getHeight();
        float w = Math.min(flow.width() - LEGEND - 12, MAX_HEIGHT * aspect);
        float h = w / aspect;
        ctx.heading(r.classifiable() ? "Where the models looked" : "Slide overview", h + 30);
        if (!r.classifiable()) {
            // A refused slide may have ROIs (outside the domain): its maps would picture a class it was not given.
            figure(ctx, ctx.photo(thumbnail.image()), w, h, null, "Slide overview (from the slide's pyramid). " + (r.rois()
                    .isEmpty() ? "No regions of interest were selected, so there are no ROI or saliency maps."
                    : "The slide was not classified, so its " + r.rois().size() + " regions of interest are not mapped"
                    + " by class and there is no saliency map."));
            return;
        }
        BufferedImage scatter = scatter(thumbnail, r);
        double footprintMicrons = r.rois().getFirst().size() * r.parameters().slideMicronsPerPixel();
        figure(ctx, ctx.photo(scatter), w, h, (x, top) -> classLegend(ctx, x, top), "Slide overview with the centres of "
                + "the " + r.rois().size() + " regions of interest (ROIs), coloured by predicted class (the label most "
                + "models gave the ROI). Each ROI covers " + Fmt.decimal(footprintMicrons, 0) + " × "
                + Fmt.decimal(footprintMicrons, 0) + " µm.");
        ReportContext.checkCancelled();

        double bandwidth = SaliencyMap.defaultBandwidth(r);
        // The map is a sum of Gaussians: a raster with about 8 pixels per sigma holds all its detail, and the
        // overlay interpolates it up to the thumbnail. At thumbnail resolution a wide kernel costs seconds.
        int reduce = (int) Math.max(1, Math.floor(bandwidth * thumbnail.scale() / 8));
        int mw = Math.max(2, (int) Math.ceil((double) thumbnail.image().getWidth() / reduce));
        int mh = Math.max(2, (int) Math.ceil((double) thumbnail.image().getHeight() / reduce));
        SaliencyMap map = SaliencyMap.compute(r, mw, mh, bandwidth);
        BufferedImage heat = HeatMaps.overlay(thumbnail.image(), map.saliency(), mw, mh, 0.7, 0.25);
        PDImageXObject bar = ctx.lossless(HeatMaps.colourBar(8, 256));
        String diagnosis = r.diagnosis();
        figure(ctx, ctx.photo(heat), w, h, (x, top) -> colourBarLegend(ctx, bar, x, top), "Saliency map for " + diagnosis
                + ": the density of ROIs multiplied by each ROI's probability of " + diagnosis + " (mean over the "
                + "classifiers), spread with a Gaussian kernel (σ = " + Fmt.decimal(bandwidth
                * r.parameters().slideMicronsPerPixel(), 0) + " µm) and normalised to its maximum. Warm colours show "
                + "where the evidence for the suggested diagnosis concentrates.");
    }

    @FunctionalInterface
    private interface Legend {
        void draw(float x, float top) throws IOException;
    }

    /** An image with its legend to the right and its caption below, all on one page. */
    private static void figure(ReportContext ctx, PDImageXObject image, float w, float h, Legend legend, String caption)
            throws IOException {
        PageFlow flow = ctx.flow;
        flow.ensure(h + ctx.captionHeight(caption));
        float top = flow.y();
        flow.image(image, flow.left(), top, w, h);
        flow.stroke(flow.left(), top, w, h, Styles.RULE, 0.5f);
        if (legend != null) {
            legend.draw(flow.left() + w + 12, top);
        }
        flow.down(h);
        ctx.caption(ctx.nextFigure(), caption, flow.left(), flow.width());
    }

    static BufferedImage scatter(Thumbnail thumbnail, ClassificationResult r) {
        BufferedImage out = HeatMaps.copy(thumbnail.image());
        List<String> classes = r.classes();
        double radius = Math.max(3.0, 0.0065 * Math.max(out.getWidth(), out.getHeight()));
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke((float) Math.max(1.0, radius / 4)));
            for (RoiResult roi : r.rois()) {
                double cx = roi.centreX() * thumbnail.scale();
                double cy = roi.centreY() * thumbnail.scale();
                Ellipse2D dot = new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius);
                g.setColor(ResultSection.colour(roi.ensembleLabel(), classes));
                g.fill(dot);
                g.setColor(new Color(0x202020));
                g.draw(dot);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void classLegend(ReportContext ctx, float x, float top) throws IOException {
        PageFlow flow = ctx.flow;
        Style title = ctx.styles.smallBold();
        Style entry = ctx.styles.small();
        flow.text("Predicted class", title, x, top - title.size());
        float y = top - title.leading() - 4;
        List<String> classes = ctx.result.classes();
        for (String c : classes) {
            long n = ctx.result.rois().stream().filter(roi -> c.equals(roi.ensembleLabel())).count();
            Color colour = ResultSection.colour(c, classes);
            flow.fill(x, y, 7, 7, colour);
            flow.stroke(x, y, 7, 7, new Color(0x202020), 0.5f);
            flow.text(c, entry, x + 11, y - 6.5f);
            flow.textRight(Fmt.count(n) + " ROIs", entry.colour(Styles.MUTED), x + LEGEND - 8, y - 6.5f);
            y -= entry.leading() + 3;
        }
    }

    private static void colourBarLegend(ReportContext ctx, PDImageXObject bar, float x, float top) throws IOException {
        PageFlow flow = ctx.flow;
        Style title = ctx.styles.smallBold();
        Style tick = ctx.styles.small();
        flow.text("Saliency", title, x, top - title.size());
        float barTop = top - title.leading() - 4;
        float barHeight = 120;
        flow.image(bar, x, barTop, 10, barHeight);
        flow.stroke(x, barTop, 10, barHeight, Styles.MUTED, 0.4f);
        String[] labels = {"1.0 (highest)", "0.5", "0"};
        for (int i = 0; i < labels.length; i++) {
            float ty = barTop - barHeight * i / 2f;
            flow.line(x + 10, ty, x + 13, ty, Styles.MUTED, 0.5f);
            flow.text(labels[i], tick, x + 16, ty - tick.size() / 2 + 0.5f);
        }
    }
}
