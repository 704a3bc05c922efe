package org.marrowscope.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.pipeline.RoiImages;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.pipeline.result.SlideIdentity;
import org.marrowscope.report.PageFlow.Style;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;

/**
 * Writes the PDF/A-2b report of a classified slide (sections and rules in README, "report"), for the desktop app's
 * export button and the command line alike. Headless: no JavaFX, figures drawn with Java2D.
 *
 * <p>The file is written atomically: the whole document is rendered first, then saved to a temporary file and
 * renamed over the target, so an error or a cancel (interrupting the writing thread) never leaves a partial PDF,
 * and an existing report stays as it was.
 */
public final class ReportWriter {

    /** File name suffix of reports, beside the slide's result: {@code SLIDE.report.pdf}. */
    public static final String SUFFIX = ".report.pdf";

    private final String software;
    private final ReportOptions options;

    /** @param software the application and version, e.g. "MarrowScope 0.1.0" */
    public ReportWriter(String software, ReportOptions options) {
        this.software = software;
        this.options = options;
    }

    /**
     * A written report.
     *
     * @param gradCamMaps Grad-CAM maps computed for the galleries
     * @param warnings what the report had to leave out and why (e.g. Grad-CAM maps); also printed in it
     */
    public record Written(Path file, int pages, long bytes, int gradCamMaps, List<String> warnings) {
    }

    /** A rendered report not yet saved. */
    public record Rendered(byte[] pdf, int pages, int gradCamMaps, List<String> warnings) {
    }

    /** Where the report of a slide goes by default: beside its result file. */
    public static Path besideResult(Path resultFile) {
        String name = resultFile.getFileName().toString();
        String base = name.endsWith(ResultStore.SUFFIX) ? name.substring(0, name.length() - ResultStore.SUFFIX.length())
                : name;
        return resultFile.resolveSibling(base + SUFFIX);
    }

    /**
     * Renders and atomically writes the report.
     *
     * @param slidePath the slide the result was made from (checked: same size and properties)
     * @throws InterruptedException when the thread was interrupted; nothing is written then
     * @throws IllegalArgumentException when the result belongs to another slide or the reference diagnosis is not
     *     one of the models' classes
     */
    public Written write(Path slidePath, ClassificationResult result, CaseInfo caseInfo, GradCamProvider gradCams,
            Path target) throws IOException, SlideException, InterruptedException {
        Rendered rendered = render(slidePath, result, caseInfo, gradCams);
        ReportContext.checkCancelled();
        try {
            AtomicFiles.write(target, rendered.pdf());
        } catch (ClosedByInterruptException e) {
            InterruptedException cancelled = new InterruptedException("report cancelled while saving");
            cancelled.initCause(e);
            throw cancelled;
        }
        return new Written(target, rendered.pages(), rendered.pdf().length, rendered.gradCamMaps(), rendered.warnings());
    }

    /** Renders the report in memory. */
    public Rendered render(Path slidePath, ClassificationResult result, CaseInfo caseInfo, GradCamProvider gradCams)
            throws IOException, SlideException, InterruptedException {
        CaseInfo info = caseInfo == null ? CaseInfo.NONE : caseInfo;
        String reference = info.referenceDiagnosis();
        if (reference != null && !result.classes().contains(reference)) {
            throw new IllegalArgumentException("the reference diagnosis '" + reference + "' is not one of the models' classes "
                    + result.classes());
        }
        Instant created = options.created() != null ? options.created() : Instant.now();
        try (Slide slide = Slides.open(slidePath); PDDocument document = new PDDocument()) {
            if (!SlideIdentity.of(slide).sameSlideAs(result.slide())) {
                throw new IllegalArgumentException("the result was made from " + result.slide().fileName() + " ("
                        + result.slide().width() + " x " + result.slide().height() + " px), not from " + slidePath);
            }
            GalleryPlan plan = GalleryPlan.of(result, options, info);
            if (gradCams.available()) {
                // The maps are computed in the background (the inference thread) while the pages are laid out.
                gradCams.prefetch(plan.shown(), new RoiImages(slide, result.parameters()));
            }
            Styles styles = Styles.of(ReportFonts.embed(document));
            ReportContext ctx;
            try (PageFlow flow = new PageFlow(document)) {
                ctx = new ReportContext(slidePath, slide, result, info, options, gradCams, software, created, flow, styles);
                CaseSection.render(ctx);
                ResultSection.render(ctx);
                ReportContext.checkCancelled();
                MapsSection.render(ctx);
                ReportContext.checkCancelled();
                GallerySection.render(ctx, plan);
                MethodsSection.render(ctx);
            }
            ReportContext.checkCancelled();
            decorate(document, ctx);
            PdfA.apply(document, title(result, info), subject(result), software, created);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            document.save(out);
            return new Rendered(out.toByteArray(), document.getNumberOfPages(), ctx.gradCamMaps(), ctx.warnings());
        }
    }

    static String title(ClassificationResult result, CaseInfo info) {
        return "MarrowScope report: " + result.slide().fileName() + (info.caseId() != null ? ", case " + info.caseId() : "");
    }

    static String subject(ClassificationResult result) {
        return result.classifiable() ? "Suggested diagnosis " + result.diagnosis() + " (decision support, not a diagnosis)"
                : "Slide not classifiable";
    }

    /** Header (case and slide) and footer (intended use, page n of N) on every page, once the count is known. */
    private static void decorate(PDDocument document, ReportContext ctx) throws IOException {
        Styles s = ctx.styles;
        Style header = s.header();
        Style headerBold = s.smallBold().colour(Styles.MUTED);
        float left = PageFlow.MARGIN;
        float right = PageFlow.SIZE.getWidth() - PageFlow.MARGIN;
        float top = PageFlow.SIZE.getHeight();
        String caseText = (ctx.caseInfo.caseId() != null ? "Case " + ctx.caseInfo.caseId() + " · " : "")
                + ctx.result.slide().fileName();
        int count = document.getNumberOfPages();
        boolean demo = ctx.result.usesDemoModels();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                String title = "MarrowScope · bone marrow aspirate report";
                text(cs, title, header, left, top - 36);
                float room = right - left - PageFlow.width(title, header) - 24;
                textRight(cs, PageFlow.ellipsize(caseText, headerBold, room), headerBold, right, top - 36);
                rule(cs, left, right, top - 42);
                rule(cs, left, right, 44);
                String use = "Decision support for a qualified hematopathologist, not a diagnosis.";
                text(cs, use, header, left, 33);
                if (demo) {
                    text(cs, "Demonstration models: not for clinical use.", s.smallBold().colour(Styles.WARNING),
                            left + PageFlow.width(use + "  ", header), 33);
                }
                textRight(cs, "page " + (i + 1) + " of " + count, header, right, 33);
            }
        }
    }

    private static void text(PDPageContentStream cs, String text, Style style, float x, float baseline) throws IOException {
        cs.beginText();
        cs.setFont(style.font(), style.size());
        cs.setNonStrokingColor(style.colour());
        cs.newLineAtOffset(x, baseline);
        cs.showText(text);
        cs.endText();
    }

    private static void textRight(PDPageContentStream cs, String text, Style style, float right, float baseline)
            throws IOException {
        text(cs, text, style, right - PageFlow.width(text, style), baseline);
    }

    private static void rule(PDPageContentStream cs, float x0, float x1, float y) throws IOException {
        cs.setStrokingColor(Styles.RULE);
        cs.setLineWidth(0.5f);
        cs.moveTo(x0, y);
        cs.lineTo(x1, y);
        cs.stroke();
    }
}
