package org.marrowscope.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RunParameters;
import org.marrowscope.slide.AssociatedImage;
import org.marrowscope.slide.SlideException;

/** Page 1's top: title, the demonstration-model warning, the case fields the user entered and the slide's. */
final class CaseSection {

    static final String TITLE = "Bone marrow aspirate smear: whole-slide image classification";
    static final String FIELD_TITLE = "Bone marrow aspirate smear: single microscope field classification";
    static final String DEMO_BANNER = "DEMONSTRATION MODELS – NOT FOR CLINICAL USE";

    private CaseSection() {
    }

    static void render(ReportContext ctx) throws IOException, SlideException {
        PageFlow flow = ctx.flow;
        Styles s = ctx.styles;
        flow.paragraph(ctx.result.singleField() ? FIELD_TITLE : TITLE, s.title());
        flow.down(2);
        flow.paragraph("Automated two-stage deep-learning analysis. Report created " + Fmt.dateTime(ctx.created,
                ctx.options.zone()) + " by " + ctx.software + ".", s.caption());
        flow.down(8);
        if (ctx.result.usesDemoModels()) {
            Boxes.box(flow, List.of(
                    new Boxes.Line(DEMO_BANNER, s.bold().size(10).colour(Styles.WARNING)),
                    new Boxes.Line("The models that produced this result were trained on synthetic slides to demonstrate "
                            + "the software. Their output must not be used for diagnosis or treatment decisions.",
                            s.body().colour(Styles.WARNING))),
                    Styles.WARNING, Styles.WARNING_FILL, 1.2f);
        }
        caseFields(ctx);
        slideFields(ctx);
    }

    private static void caseFields(ReportContext ctx) throws IOException {
        CaseInfo c = ctx.caseInfo;
        List<String[]> pairs = new ArrayList<>();
        add(pairs, "Case ID", c.caseId());
        add(pairs, "Patient name", c.patientName());
        add(pairs, "Patient ID", c.patientId());
        add(pairs, "Date of birth", c.birthDate() == null ? null : c.birthDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
        add(pairs, "Requesting physician", c.requestingPhysician());
        add(pairs, "Reporting pathologist", c.reportingPathologist());
        add(pairs, "Reference diagnosis", c.referenceDiagnosis() == null ? null : c.referenceDiagnosis() + " (pathologist)");
        ctx.heading("Case", 30);
        if (pairs.isEmpty() && c.comment() == null) {
            ctx.flow.paragraph("No case details were entered.", ctx.styles.caption());
            return;
        }
        Tables.keyValues(ctx.flow, ctx.styles, pairs, 2);
        if (c.comment() != null) {
            ctx.flow.down(3);
            ctx.flow.paragraph("Comment: " + c.comment(), ctx.styles.body().size(8.5f));
        }
    }

    private static void slideFields(ReportContext ctx) throws IOException, SlideException {
        ClassificationResult r = ctx.result;
        RunParameters p = r.parameters();
        List<String[]> pairs = new ArrayList<>();
        add(pairs, "File", r.slide().fileName());
        add(pairs, "Format", ctx.slide.format() + vendorNote(ctx));
        double mpp = p.slideMicronsPerPixel();
        add(pairs, "Size", Fmt.count(r.slide().width()) + " × " + Fmt.count(r.slide().height()) + " px ("
                + Fmt.decimal(r.slide().width() * mpp / 1000, 1) + " × " + Fmt.decimal(r.slide().height() * mpp / 1000, 1)
                + " mm)");
        add(pairs, "Resolution", Fmt.mpp(mpp) + " (" + Fmt.mppSource(p.micronsPerPixelSource()) + ")");
        add(pairs, "Objective", ctx.slide.objectivePower().map(o -> Fmt.threshold(o) + "×").orElse("not stated"));
        add(pairs, "Pyramid", ctx.slide.levelCount() + (ctx.slide.levelCount() == 1 ? " level" : " levels") + ", "
                + Fmt.bytes(r.slide().sizeBytes()));
        add(pairs, "Classified", Fmt.dateTime(r.createdAt(), ctx.options.zone()) + " by " + r.software());
        add(pairs, "Label image", ctx.options.includeLabel() ? "included (enabled by the user)"
                : "not included (it may show patient identity)");
        ctx.heading("Slide", 40);
        Tables.keyValues(ctx.flow, ctx.styles, pairs, 2);
        if (ctx.options.includeLabel()) {
            label(ctx);
        }
    }

    private static String vendorNote(ReportContext ctx) {
        String scanner = ctx.slide.properties().get("aperio.ScanScope ID");
        return scanner == null ? "" : " (ScanScope " + scanner + ")";
    }

    /** The label photograph, only because the user asked; never the macro image. */
    private static void label(ReportContext ctx) throws IOException, SlideException {
        Optional<AssociatedImage> label = ctx.slide.associatedImages().stream()
                .filter(a -> a.name().toLowerCase(Locale.ROOT).equals("label")).findFirst();
        PageFlow flow = ctx.flow;
        if (label.isEmpty()) {
            flow.down(3);
            flow.paragraph("The slide file has no label image.", ctx.styles.caption());
            return;
        }
        BufferedImage image = ctx.slide.readAssociatedImage(label.get().name());
        float maxW = 160;
        float maxH = 110;
        float scale = Math.min(maxW / image.getWidth(), maxH / image.getHeight());
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        PDImageXObject pdf = ctx.photo(HeatMaps.copy(image));
        flow.ensure(h + 40);
        flow.down(6);
        flow.image(pdf, flow.left(), flow.y(), w, h);
        flow.stroke(flow.left(), flow.y(), w, h, Styles.RULE, 0.5f);
        flow.down(h);
        ctx.caption(ctx.nextFigure(), "Slide label, included because the user enabled it: it may show patient identity.",
                flow.left(), flow.width());
    }

    private static void add(List<String[]> pairs, String key, String value) {
        if (value != null && !value.isBlank()) {
            pairs.add(new String[] {key, value});
        }
    }
}
