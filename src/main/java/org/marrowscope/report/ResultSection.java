package org.marrowscope.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.colour.ClassColours;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.result.Vote;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ModelVote;
import org.marrowscope.pipeline.result.OutcomeText;
import org.marrowscope.pipeline.result.SelectionSummary;
import org.marrowscope.report.Boxes.Line;
import org.marrowscope.report.Tables.Cell;
import org.marrowscope.report.Tables.Column;

/** The result: the suggested diagnosis (or why there is none), the votes, and the intended-use statement. */
final class ResultSection {

    static final String NOT_CLASSIFIABLE = "NOT CLASSIFIABLE";
    static final String INTENDED_USE = "MarrowScope is decision support for a qualified hematopathologist. The suggested "
            + "diagnosis, the maps and the region galleries are an aid to reviewing the slide, not a diagnosis: the "
            + "diagnosis rests with the pathologist, who weighs the whole smear, the clinical history and the other "
            + "laboratory findings (blood count, flow cytometry, cytogenetics, molecular tests).";

    private ResultSection() {
    }

    static final String OUTSIDE_DOMAIN = "OUTSIDE THE MODELS' DOMAIN";

    static void render(ReportContext ctx) throws IOException {
        ctx.heading("Result", 80);
        switch (ctx.result.outcome().status()) {
            case CLASSIFIED -> {
                diagnosis(ctx);
                intendedUse(ctx);
                votes(ctx);
            }
            case NOT_CLASSIFIABLE -> {
                notClassifiable(ctx);
                intendedUse(ctx);
            }
            case OUTSIDE_DOMAIN -> {
                outsideDomain(ctx);
                intendedUse(ctx);
            }
        }
    }

    private static void diagnosis(ReportContext ctx) throws IOException {
        ClassificationResult r = ctx.result;
        Styles s = ctx.styles;
        Vote e = r.ensemble();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Suggested diagnosis: " + e.label(), s.title().size(15).colour(Styles.INK)));
        int models = r.perModel().size();
        String how = models > 1 ? "Ensemble of " + models + " classifiers" : "Majority vote of 1 classifier";
        lines.add(new Line(how + " over " + r.rois().size() + " regions of interest (" + Fmt.count(e.totalVotes())
                + " tile votes): " + e.label() + " " + Fmt.percent(e.fractions()[e.winner()]) + " of the votes, margin "
                + Fmt.percent(e.margin()) + " over " + runnerUp(e) + ".", s.body()));
        String sets = OutcomeText.predictionSets(r);
        if (!sets.isEmpty()) {
            lines.add(new Line(sets, s.body()));
        }
        lines.add(new Line(OutcomeText.confidence(r), r.uncertain() ? s.bold().colour(Styles.CAUTION)
                : s.body().colour(Styles.OK)));
        lines.add(new Line(OutcomeText.domain(r) + " " + OutcomeText.resolution(r.parameters()), s.body()));
        lines.add(new Line(OutcomeText.scope(r), s.caption()));
        String selection = selectionNote(r);
        if (selection != null) {
            lines.add(new Line(selection, s.body().colour(Styles.CAUTION)));
        }
        String reference = ctx.caseInfo.referenceDiagnosis();
        if (reference != null) {
            boolean agrees = reference.equals(e.label());
            lines.add(new Line("Reference diagnosis (pathologist): " + reference + (agrees ? ", the same as the suggestion."
                    : ", which differs from the suggestion."), s.bold()));
        }
        boolean uncertain = r.uncertain();
        Boxes.box(ctx.flow, lines, uncertain ? Styles.CAUTION : Styles.ACCENT, uncertain ? Styles.CAUTION_FILL : null, 1.2f);
    }

    private static String runnerUp(Vote e) {
        double[] f = e.fractions();
        int best = -1;
        for (int i = 0; i < f.length; i++) {
            if (i != e.winner() && (best < 0 || f[i] > f[best])) {
                best = i;
            }
        }
        return best < 0 ? "no other class" : "the runner-up, " + e.classes().get(best) + " " + Fmt.percent(f[best]);
    }

    private static String selectionNote(ClassificationResult r) {
        SelectionSummary sel = r.selection();
        return switch (sel.mode()) {
            case FALLBACK_THRESHOLD -> "Regions drawn among tiles with p(good) ≥ " + Fmt.threshold(r.parameters().lowThreshold())
                    + ": only " + sel.atHigh() + " reached " + Fmt.threshold(r.parameters().highThreshold()) + ".";
            case FIELD_GOOD_TILES -> "A single field: its " + r.rois().size() + " good tiles were classified (a slide"
                    + " gives " + r.parameters().roiCount() + ").";
            default -> null;
        };
    }

    private static void notClassifiable(ReportContext ctx) throws IOException {
        ClassificationResult r = ctx.result;
        SelectionSummary sel = r.selection();
        Styles s = ctx.styles;
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(NOT_CLASSIFIABLE, s.title().size(15).colour(Styles.WARNING)));
        lines.add(new Line("No diagnosis is suggested. " + r.outcome().reason(), s.bold()));
        if (sel.gridTiles() > 0) {
            lines.add(new Line("Stage 1 assessed " + Fmt.count(sel.assessed()) + " of " + Fmt.count(sel.candidates())
                    + " candidate tiles (" + Fmt.count(sel.background()) + " were background by the corner rule); "
                    + Fmt.count(sel.prunedAsGlass()) + " of " + Fmt.count(sel.gridTiles())
                    + " grid tiles were ruled out as bare glass by the tissue mask.", s.body()));
        }
        lines.add(new Line(OutcomeText.domain(r) + " " + OutcomeText.resolution(r.parameters())
                + " Review the slide by microscopy.", s.body()));
        lines.add(new Line(OutcomeText.scope(r), s.caption()));
        reference(ctx, lines);
        Boxes.box(ctx.flow, lines, Styles.WARNING, Styles.WARNING_FILL, 1.5f);
    }

    private static void outsideDomain(ReportContext ctx) throws IOException {
        ClassificationResult r = ctx.result;
        Styles s = ctx.styles;
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(OUTSIDE_DOMAIN, s.title().size(15).colour(Styles.WARNING)));
        lines.add(new Line("No diagnosis is suggested. " + r.outcome().reason(), s.bold()));
        lines.add(new Line("Each model's domain check compares the features of the tiles it saw with those of its"
                + " training tiles (Mahalanobis distance to the nearest class mean; a tile is unlike the training data"
                + " beyond the 99th percentile of held-out training-like tiles). " + OutcomeText.domain(r), s.body()));
        lines.add(new Line(OutcomeText.resolution(r.parameters()) + " A wrong resolution also lands here: check the"
                + " calibration, then review the slide by microscopy.", s.body()));
        lines.add(new Line(OutcomeText.scope(r), s.caption()));
        reference(ctx, lines);
        Boxes.box(ctx.flow, lines, Styles.WARNING, Styles.WARNING_FILL, 1.5f);
    }

    private static void reference(ReportContext ctx, List<Line> lines) {
        if (ctx.caseInfo.referenceDiagnosis() != null) {
            lines.add(new Line("Reference diagnosis (pathologist): " + ctx.caseInfo.referenceDiagnosis() + ".",
                    ctx.styles.bold()));
        }
    }

    private static void votes(ReportContext ctx) throws IOException {
        ClassificationResult r = ctx.result;
        Vote e = r.ensemble();
        List<String> classes = r.classes();
        boolean perModelColumns = r.perModel().size() > 1 && r.perModel().size() <= 4;
        List<Column> columns = new ArrayList<>(List.of(Column.left("Class", 1.3f), Column.right("Tile votes", 1),
                Column.right(r.perModel().size() > 1 ? "Ensemble" : "Fraction", 1), Column.right("Mean p", 0.9f)));
        if (perModelColumns) {
            r.perModel().forEach(m -> columns.add(Column.right(m.model().name(), 1.1f)));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            boolean winner = c == e.winner();
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(classes.get(c)).withSwatch(colour(classes.get(c), classes)).asBold(winner));
            row.add(Cell.of(Fmt.count(e.counts()[c])).asBold(winner));
            row.add(Cell.of(Fmt.percent(e.fractions()[c])).asBold(winner));
            row.add(Cell.of(Fmt.decimal(e.meanProbability()[c], 2)).asBold(winner));
            if (perModelColumns) {
                for (ModelVote m : r.perModel()) {
                    row.add(Cell.of(Fmt.percent(m.vote().fractions()[c])).asBold(winner));
                }
            }
            rows.add(row);
        }
        ctx.subheading("Vote fractions", 90);
        Tables.table(ctx.flow, ctx.styles, columns, rows);
        ctx.flow.down(2);
        ctx.flow.paragraph("Each ROI's label is the class of highest probability; a model's slide label is the majority "
                + "of its ROI labels, the ensemble's the majority of all models' ROI labels pooled. Mean p: the class's "
                + "probability averaged over all ROIs and models.", ctx.styles.caption());

        List<List<Cell>> models = new ArrayList<>();
        for (ModelVote m : r.perModel()) {
            Vote v = m.vote();
            ModelInfo info = m.model();
            models.add(List.of(Cell.of(info.name()), Cell.of(info.version()),
                    Cell.of(v.label()).withSwatch(colour(v.label(), classes)),
                    Cell.of(Fmt.percent(v.fractions()[v.winner()])), Cell.of(Fmt.percent(v.margin())),
                    info.demo() ? Cell.bold("demonstration").withColour(Styles.WARNING) : Cell.of("no")));
        }
        ctx.subheading("Per model", 50);
        Tables.table(ctx.flow, ctx.styles, List.of(Column.left("Classifier", 2), Column.left("Version", 0.8f),
                Column.left("Slide label", 1.1f), Column.right("Votes for label", 1), Column.right("Margin", 0.8f),
                Column.left("Demo model", 1.3f)), models);
        VoteChart.render(ctx);
    }

    static Color colour(String className, List<String> classes) {
        return new Color(ClassColours.of(className, classes));
    }

    private static void intendedUse(ReportContext ctx) throws IOException {
        Styles s = ctx.styles;
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Intended use", s.subheading()));
        lines.add(new Line(INTENDED_USE, s.body()));
        if (ctx.result.usesDemoModels()) {
            lines.add(new Line("Demonstration models were used (" + String.join(", ", demoModels(ctx.result))
                    + "): they were trained on synthetic slides and are not for clinical use.",
                    s.bold().colour(Styles.WARNING)));
        } else {
            lines.add(new Line("Use only models whose validation covers this laboratory's slides, staining and scanner; "
                    + "the models used are listed with their SHA-256 under Methods.", s.body()));
        }
        Boxes.box(ctx.flow, lines, ctx.result.usesDemoModels() ? Styles.WARNING : Styles.RULE, null, 1f);
    }

    private static List<String> demoModels(ClassificationResult r) {
        List<String> names = new ArrayList<>();
        if (r.quality() != null && r.quality().demo()) {
            names.add(r.quality().name());
        }
        r.classifiers().stream().filter(ModelInfo::demo).forEach(m -> names.add(m.name()));
        return names;
    }
}
