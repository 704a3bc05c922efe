package org.marrowscope.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.marrowscope.model.GradCamMap;
import org.marrowscope.pipeline.RoiImages;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.report.PageFlow.Style;
import org.marrowscope.slide.SlideException;

/**
 * Galleries of ROIs, each tile as the classifier saw it beside its Grad-CAM for the ROI's predicted class: the
 * most confident ROIs of every predicted class, then (with a reference diagnosis) the ROIs that disagree with it.
 */
final class GallerySection {

    private static final int PER_ROW = 3;
    private static final float PAIR_GAP = 14;
    private static final int PIXELS = 256;

    private final ReportContext ctx;
    private final GalleryPlan plan;
    private final RoiImages images;
    private String camFailure;

    private GallerySection(ReportContext ctx, GalleryPlan plan) {
        this.ctx = ctx;
        this.plan = plan;
        this.images = new RoiImages(ctx.slide, ctx.result.parameters());
    }

    static void render(ReportContext ctx, GalleryPlan plan) throws IOException, SlideException, InterruptedException {
        if (!ctx.result.classifiable()) {
            return;
        }
        GallerySection gallery = new GallerySection(ctx, plan);
        if (plan.perClass() > 0) {
            gallery.byClass();
        }
        if (plan.reference() != null) {
            gallery.disagreeing(plan.reference());
        }
    }

    private void byClass() throws IOException, SlideException, InterruptedException {
        ClassificationResult r = ctx.result;
        ctx.heading("Regions of interest by predicted class", 30 + rowHeight());
        intro("For each predicted class, its " + plan.perClass() + " most confident ROIs (highest mean "
                + "probability of the class over the classifiers).");
        int left = plan.byClass().size();
        for (var entry : plan.byClass().entrySet()) {
            List<RoiResult> rois = entry.getValue();
            ctx.subheading(entry.getKey() + ": " + rois.size() + " of " + r.rois().size() + " ROIs (" + Fmt.percent(
                    (double) rois.size() / r.rois().size()) + ")", rowHeight());
            float tail = --left == 0 ? ctx.captionHeight("ROIs by predicted class. " + pairNote()) : 0;
            rows(rois.subList(0, Math.min(plan.perClass(), rois.size())), false, tail);
        }
        ctx.caption(ctx.nextFigure(), "ROIs by predicted class. " + pairNote(), ctx.flow.left(), ctx.flow.width());
    }

    private void disagreeing(String reference) throws IOException, SlideException, InterruptedException {
        ClassificationResult r = ctx.result;
        List<RoiResult> rois = plan.disagreeing();
        ctx.heading("ROIs that disagree with the reference diagnosis", 40 + (rois.isEmpty() ? 0 : rowHeight()));
        if (rois.isEmpty()) {
            ctx.flow.paragraph("All " + r.rois().size() + " ROIs are labelled " + reference
                    + ", the reference diagnosis entered by the pathologist.", ctx.styles.body());
            return;
        }
        int shown = plan.disagreeingShown();
        intro(rois.size() + " of " + r.rois().size() + " ROIs (" + Fmt.percent((double) rois.size() / r.rois().size())
                + ") are labelled other than " + reference + ", the reference diagnosis entered by the pathologist"
                + (shown == 0 ? "." : "; the " + shown + " most confident are shown, with the class each was labelled."));
        if (shown > 0) {
            String caption = "ROIs whose label differs from the reference diagnosis (" + reference + "). ";
            rows(rois.subList(0, shown), true, ctx.captionHeight(caption + pairNote()));
            ctx.caption(ctx.nextFigure(), caption + pairNote(), ctx.flow.left(), ctx.flow.width());
        }
    }

    private String pairNote() {
        var p = ctx.result.parameters();
        String tile = p.tilePixels() + " × " + p.tilePixels() + " px at " + Fmt.mpp(p.modelMicronsPerPixel()) + ", "
                + Fmt.decimal(p.tilePixels() * p.modelMicronsPerPixel(), 0) + " µm wide";
        String cams = ctx.gradCams.available() && camFailure == null
                ? "beside its Grad-CAM for the ROI's predicted class (" + ctx.gradCams.description()
                        + "; warm colours: regions that raise the class's probability)"
                : "(Grad-CAM not available: " + (camFailure != null ? camFailure
                        : ctx.gradCams.unavailableReason().orElse("")) + ")";
        return "Each ROI as the classifier saw it (" + tile + "), " + cams + ". p: mean probability of that class.";
    }

    private void intro(String text) throws IOException {
        ctx.flow.paragraph(text, ctx.styles.body());
        if (ctx.gradCams.available() && camFailure == null) {
            PageFlow flow = ctx.flow;
            Style small = ctx.styles.small();
            flow.ensure(16);
            flow.down(3);
            float top = flow.y();
            flow.text("Grad-CAM:", small, flow.left(), top - 6.5f);
            float x = flow.left() + PageFlow.width("Grad-CAM: ", small);
            flow.text("low", small, x, top - 6.5f);
            x += PageFlow.width("low ", small);
            flow.image(ctx.lossless(HeatMaps.horizontalColourBar(128, 4)), x, top, 60, 7);
            flow.text("high", small, x + 64, top - 6.5f);
            flow.down(13);
        }
    }

    private float pairWidth() {
        return (ctx.flow.width() - (PER_ROW - 1) * PAIR_GAP) / PER_ROW;
    }

    private float imageSize() {
        return (pairWidth() - 3) / 2;
    }

    private float rowHeight() {
        return imageSize() + 2 * ctx.styles.small().leading() + 8;
    }

    /** Pairs, {@link #PER_ROW} to a row; the last row stays on a page with {@code tail} points (its caption). */
    private void rows(List<RoiResult> rois, boolean showLabel, float tail)
            throws IOException, SlideException, InterruptedException {
        PageFlow flow = ctx.flow;
        for (int i = 0; i < rois.size(); i += PER_ROW) {
            flow.ensure(rowHeight() + (i + PER_ROW >= rois.size() ? tail : 0));
            float top = flow.y();
            for (int j = 0; j < PER_ROW && i + j < rois.size(); j++) {
                pair(rois.get(i + j), flow.left() + j * (pairWidth() + PAIR_GAP), top, showLabel);
            }
            flow.down(rowHeight());
        }
    }

    private void pair(RoiResult roi, float x, float top, boolean showLabel)
            throws IOException, SlideException, InterruptedException {
        ReportContext.checkCancelled();
        PageFlow flow = ctx.flow;
        float size = imageSize();
        String label = roi.ensembleLabel();
        BufferedImage tile = images.read(roi);
        flow.image(ctx.photo(HeatMaps.resize(tile, PIXELS, PIXELS)), x, top, size, size);
        flow.stroke(x, top, size, size, Styles.RULE, 0.4f);
        float camX = x + size + 3;
        PDImageXObject cam = gradCam(roi, tile, label);
        if (cam != null) {
            flow.image(cam, camX, top, size, size);
            flow.stroke(camX, top, size, size, Styles.RULE, 0.4f);
        } else {
            flow.fill(camX, top, size, size, Styles.HEADER_FILL);
            Style note = ctx.styles.small().colour(Styles.MUTED);
            flow.text("no Grad-CAM", note, camX + (size - PageFlow.width("no Grad-CAM", note)) / 2, top - size / 2);
        }
        Style caption = ctx.styles.small();
        float baseline = top - size - caption.size() - 2;
        String text = "ROI " + (roi.index() + 1) + (showLabel ? " · " + label : "") + " · p " + Fmt.decimal(confidence(roi,
                label), 2);
        flow.text(text, caption, x, baseline);
        flow.text("x " + Fmt.count(roi.x()) + ", y " + Fmt.count(roi.y()), caption.colour(Styles.MUTED), x,
                baseline - caption.leading());
    }

    private PDImageXObject gradCam(RoiResult roi, BufferedImage tile, String label) throws IOException, InterruptedException {
        if (!ctx.gradCams.available() || camFailure != null) {
            return null;
        }
        try {
            GradCamMap map = ctx.gradCams.compute(roi, tile, label);
            ctx.countGradCam();
            return ctx.photo(HeatMaps.overlay(HeatMaps.resize(tile, PIXELS, PIXELS), map.values(), map.width(),
                    map.height(), 0.55, 0.2));
        } catch (GradCamProvider.Failure e) {
            camFailure = e.getMessage();
            ctx.warn("Grad-CAM maps left out: " + e.getMessage());
            return null;
        }
    }

    private double confidence(RoiResult roi, String className) {
        return GalleryPlan.confidence(ctx.result, roi, className);
    }
}
