package org.marrowscope.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RunParameters;
import org.marrowscope.pipeline.result.SelectionSummary;
import org.marrowscope.pipeline.result.Timings;
import org.marrowscope.report.Tables.Cell;
import org.marrowscope.report.Tables.Column;

/** How the result was made: ROI selection, parameters, models with their hashes, device and timings. */
final class MethodsSection {

    private MethodsSection() {
    }

    static void render(ReportContext ctx) throws IOException {
        ClassificationResult r = ctx.result;
        ctx.heading("Methods", 120);
        int tile = r.parameters().tilePixels();
        ctx.flow.paragraph("Two-stage pipeline: a quality model scores " + tile + " × " + tile + " tiles of the slide and "
                + r.parameters().roiCount() + " good tiles are drawn at random as regions of interest (ROIs); each "
                + "classifier labels every ROI, and majority votes give the slide's label.", ctx.styles.body());
        ctx.subheading("Region selection (stage 1)", 60);
        Tables.keyValues(ctx.flow, ctx.styles, selection(r), 2);
        ctx.subheading("Parameters", 80);
        Tables.keyValues(ctx.flow, ctx.styles, parameters(r.parameters()), 2);
        models(ctx);
        ctx.subheading("Device and timings", 60);
        Tables.keyValues(ctx.flow, ctx.styles, timings(r), 2);
    }

    private static List<String[]> selection(ClassificationResult r) {
        SelectionSummary s = r.selection();
        RunParameters p = r.parameters();
        List<String[]> rows = new ArrayList<>();
        rows.add(pair("Outcome", switch (s.mode()) {
            case HIGH_QUALITY -> r.rois().size() + " ROIs drawn among tiles with p(good) ≥ " + Fmt.threshold(p.highThreshold());
            case FALLBACK_THRESHOLD -> r.rois().size() + " ROIs drawn among tiles with p(good) ≥ " + Fmt.threshold(p.lowThreshold())
                    + " (fallback)";
            case FIELD_GOOD_TILES -> r.rois().size() + " good tiles of a single field (p(good) ≥ "
                    + Fmt.threshold(s.atHigh() > 0 ? p.highThreshold() : p.lowThreshold()) + ")";
            case NOT_CLASSIFIABLE -> "no ROIs: " + r.outcome().reason();
        }));
        rows.add(pair("Tiles on the grid", Fmt.count(s.gridTiles())));
        rows.add(pair("Ruled out as glass", Fmt.count(s.prunedAsGlass()) + " (low-resolution tissue mask)"));
        rows.add(pair("Candidate tiles", Fmt.count(s.candidates())));
        rows.add(pair("Assessed", Fmt.count(s.assessed()) + (s.exhaustive() ? " (every candidate)" : " (early stop)")));
        rows.add(pair("Background", Fmt.count(s.background()) + " (corner rule)"));
        rows.add(pair("p(good) ≥ " + Fmt.threshold(p.highThreshold()), Fmt.count(s.atHigh())));
        rows.add(pair("p(good) ≥ " + Fmt.threshold(p.lowThreshold()), Fmt.count(s.atLow())));
        return rows;
    }

    private static List<String[]> parameters(RunParameters p) {
        double scale = p.modelMicronsPerPixel() / p.slideMicronsPerPixel();
        List<String[]> rows = new ArrayList<>();
        rows.add(pair("Tile size", p.tilePixels() + " × " + p.tilePixels() + " px at " + Fmt.mpp(p.modelMicronsPerPixel())
                + " (" + Math.round(p.tilePixels() * scale) + " px of the slide)"));
        rows.add(pair("Stride", p.stridePixels() + " px at " + Fmt.mpp(p.modelMicronsPerPixel())));
        rows.add(pair("Slide resolution", Fmt.mpp(p.slideMicronsPerPixel()) + " (" + Fmt.mppSource(p.micronsPerPixelSource()) + ")"));
        rows.add(pair("ROIs per slide", Integer.toString(p.roiCount())));
        rows.add(pair("Quality thresholds", "p(good) ≥ " + Fmt.threshold(p.highThreshold()) + ", fallback ≥ "
                + Fmt.threshold(p.lowThreshold())));
        rows.add(pair("Background rule", "a corner pixel with all channels ≥ " + p.whiteMin() + " (white) or ≤ "
                + p.blackMax() + " (black)"));
        rows.add(pair("Seed", Long.toString(p.seed())));
        rows.add(pair("Stage-1 search", p.exhaustive() ? "every tile scored, as in the paper" : "random order, early stop"));
        rows.add(pair("Stain normalisation", p.stainNormalisation().equals("none") ? "none"
                : p.stainNormalisation() + " (target " + String.join(", ", p.stainTarget().stream()
                        .map(v -> Fmt.decimal(v, 3)).toList()) + ")"));
        rows.add(pair("Uncertainty flag", "vote margin < " + Fmt.percent(p.uncertaintyMargin()) + " or models disagree"));
        return rows;
    }

    private static void models(ReportContext ctx) throws IOException {
        ClassificationResult r = ctx.result;
        List<ModelInfo> all = new ArrayList<>();
        if (r.quality() != null) {
            all.add(r.quality());
        }
        all.addAll(r.classifiers());
        List<List<Cell>> rows = new ArrayList<>();
        for (ModelInfo m : all) {
            rows.add(List.of(Cell.of(m.role().equals("quality") ? "quality (stage 1)" : "classifier (stage 2)"),
                    Cell.of(m.name()), Cell.of(m.version()), Cell.of(m.sha256()),
                    m.demo() ? Cell.bold("YES").withColour(Styles.WARNING) : Cell.of("no")));
        }
        ctx.subheading("Models", Math.min(220, 20 + 22 * rows.size()));
        Tables.table(ctx.flow, ctx.styles, List.of(Column.left("Role", 1.15f), Column.left("Name", 1.2f),
                Column.left("Version", 0.6f), Column.left("SHA-256 (bundle)", 2.75f), Column.left("Demo model", 0.9f)),
                rows);
        ctx.flow.paragraph("The SHA-256 covers every file of the model bundle; the same hash means the same weights.",
                ctx.styles.caption());
    }

    private static List<String[]> timings(ClassificationResult r) {
        Timings t = r.timings();
        List<String[]> rows = new ArrayList<>();
        rows.add(pair("Device", r.device()));
        rows.add(pair("Total", Fmt.seconds(t.totalSeconds())));
        rows.add(pair("Model loading", Fmt.seconds(t.modelLoadingSeconds())));
        rows.add(pair("Tissue mask", Fmt.seconds(t.tissueMaskSeconds())));
        rows.add(pair("Stage 1 (quality)", Fmt.seconds(t.qualitySeconds()) + rate(t.qualityTilesPerSecond())));
        rows.add(pair("Stage 2 (classifiers)", Fmt.seconds(t.classificationSeconds())
                + rate(t.classificationTilesPerSecond())));
        rows.add(pair("Software", r.software()));
        rows.add(pair("Result format", "version " + r.formatVersion()));
        return rows;
    }

    private static String rate(double tilesPerSecond) {
        return tilesPerSecond > 0 ? String.format(Locale.ROOT, ", %.1f tiles/s", tilesPerSecond) : "";
    }

    private static String[] pair(String key, String value) {
        return new String[] {key, value};
    }
}
