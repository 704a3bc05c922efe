package org.marrowscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.pipeline.result.ClassificationResult;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.model.GradCam;
import org.marrowscope.model.GradCamMap;
import org.marrowscope.pipeline.RoiImages;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.slide.Slide;
import org.marrowscope.service.GradCamLookup;
import org.marrowscope.slide.Slides;

/** Reports of real results (real slides, real DJL inference and Grad-CAM), checked by veraPDF and read back. */
class ReportWriterTest {

    @TempDir
    static Path shared;

    static ReportFixtures fixtures;

    @TempDir
    Path tmp;

    static final CaseInfo CASE = new CaseInfo("2026-BM-0042", "Jane Doe", "MRN 123456", LocalDate.of(1961, 4, 2),
            "Dr. A. Requester", "Dr. P. Athologist", null, "Hypercellular aspirate; blasts ≥ 20 µm – see smear.");

    static final ReportOptions OPTIONS = ReportOptions.DEFAULTS.withCreated(Instant.parse("2026-11-27T10:15:30Z"),
            ZoneOffset.UTC);

    @BeforeAll
    static void classify() throws Exception {
        fixtures = new ReportFixtures(shared);
    }

    @AfterAll
    static void stop() {
        fixtures.close();
    }

    private static ReportWriter writer(ReportOptions options) {
        return new ReportWriter("MarrowScope test", options);
    }

    private static GradCamProvider realGradCams() {
        ModelInfo first = fixtures.classified.classifiers().getFirst();
        return GradCamProvider.fromService(fixtures.service, fixtures.smear, fixtures.classified, first,
                ReportFixtures.MODELS.resolve("tiny-cnn"), GradCam.Layer.PENULTIMATE, "cpu");
    }

    @Test
    void aClassifiedSlidesReportIsPdfA2bWithTheDiagnosisFiguresAndGradCams() throws Exception {
        String reference = fixtures.classified.classes().stream().filter(c -> !c.equals(fixtures.classified.diagnosis()))
                .findFirst().orElseThrow();
        Path target = tmp.resolve("report.pdf");
        ReportWriter.Written written = writer(OPTIONS).write(fixtures.smear, fixtures.classified,
                CASE.withReferenceDiagnosis(reference), realGradCams(), target);

        byte[] pdf = Files.readAllBytes(target);
        PdfAValidator.Verdict verdict = PdfAValidator.validate(pdf);
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.compliant()).isTrue();
        assertThat(written.warnings()).isEmpty();
        // 3 per predicted class (at most) plus the ROIs disagreeing with the reference (all 40 here: at most 6 shown).
        long classesPredicted = fixtures.classified.rois().stream().map(r -> r.ensembleLabel()).distinct().count();
        assertThat(written.gradCamMaps()).isBetween((int) classesPredicted + 1, (int) classesPredicted * 3 + 6);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = flat(new PDFTextStripper().getText(doc));
            assertThat(doc.getNumberOfPages()).isEqualTo(written.pages()).isGreaterThanOrEqualTo(4);
            assertThat(text).contains("Suggested diagnosis: " + fixtures.classified.diagnosis())
                    .contains("DEMONSTRATION MODELS – NOT FOR CLINICAL USE")
                    .contains("Decision support for a qualified hematopathologist, not a diagnosis.")
                    .contains("page 1 of " + written.pages()).contains("page " + written.pages() + " of " + written.pages())
                    .contains("Case 2026-BM-0042 · aml-21.tiff")
                    .contains("Jane Doe").contains("MRN 123456").contains("1961-04-02").contains("Dr. P. Athologist")
                    .contains("blasts ≥ 20 µm – see smear").contains("0.250 µm/px")
                    .contains("Reference diagnosis (pathologist): " + reference + ", which differs from the suggestion.")
                    .contains("ROIs that disagree with the reference diagnosis")
                    .contains("Grad-CAM for the ROI's predicted class (tiny-cnn 1.0.0, penultimate layer")
                    .contains("Saliency map for " + fixtures.classified.diagnosis())
                    .contains("Predicted class").contains("Vote fractions").contains("tiny-resnet")
                    .contains("2026-11-27 10:15 UTC+00:00")
                    .contains("Intended use").contains("not for clinical use")
                    .doesNotContain("NOT CLASSIFIABLE").doesNotContain("Slide label, included");
            // Hashes wrap inside their table cell.
            assertThat(text.replace(" ", "")).contains(fixtures.classified.classifiers().getFirst().sha256())
                    .contains(fixtures.classified.quality().sha256());
            for (int i = 1; i <= 5; i++) {
                assertThat(text).contains("Figure " + i + ".");
            }
            assertThat(fonts(doc)).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("MarrowScope report: aml-21.tiff, case 2026-BM-0042");
            assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
            // Thumbnail twice (scatter, saliency) + tile and Grad-CAM per gallery entry + colour bars.
            assertThat(images(doc)).hasSizeGreaterThanOrEqualTo(2 + 2 * written.gradCamMaps());
            assertThat(images(doc)).allSatisfy(i -> assertThat(i.getCOSObject().getItem(COSName.SMASK)).isNull());
        }
        assertThat(files(tmp)).containsExactly(target);
    }

    @Test
    void popplerReadsEveryPageAndSeesOnlyEmbeddedFonts() throws Exception {
        Path target = tmp.resolve("report.pdf");
        ReportWriter.Written written = writer(OPTIONS).write(fixtures.smear, fixtures.classified, CaseInfo.NONE,
                GradCamProvider.unavailable("not needed here"), target);
        String fonts = run("pdffonts", target.toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).contains("DejaVuSans").contains(" yes yes yes "));
        run("pdftoppm", "-r", "20", "-png", target.toString(), tmp.resolve("page").toString());
        try (Stream<Path> pngs = Files.list(tmp)) {
            assertThat(pngs.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(written.pages());
        }
    }

    @Test
    void emptyCaseFieldsAreLeftOutAndMissingGradCamIsExplained() throws Exception {
        ReportWriter.Rendered r = writer(OPTIONS).render(fixtures.smear, fixtures.classified,
                new CaseInfo(" ", "", null, null, null, null, null, "  "),
                GradCamProvider.unavailable("no bundle of the classifiers was found"));
        String text = text(r.pdf());
        assertThat(text).contains("No case details were entered.")
                .doesNotContain("Patient").doesNotContain("Date of birth").doesNotContain("Comment")
                .doesNotContain("Reference diagnosis").doesNotContain("ROIs that disagree")
                .contains("Grad-CAM not available: no bundle of the classifiers was found")
                .contains("MarrowScope · bone marrow aspirate report");
        assertThat(r.gradCamMaps()).isZero();
        assertThat(text).doesNotContain("Case ID");
    }

    @Test
    void aNotClassifiableSlideSaysSoWithTheCountsAndStillValidates() throws Exception {
        ReportWriter.Rendered r = writer(OPTIONS).render(fixtures.cmu, fixtures.notClassifiable, CaseInfo.NONE.withCaseId("NC-1"),
                GradCamProvider.unavailable("the slide was not classifiable"));
        assertThat(PdfAValidator.validate(r.pdf()).failures()).isEmpty();
        var sel = fixtures.notClassifiable.selection();
        String text = text(r.pdf());
        assertThat(text).contains("NOT CLASSIFIABLE")
                .contains("No diagnosis is suggested. Too few good tiles: " + sel.atHigh()
                        + " tiles reached p(good) >= 0.8 and " + sel.atLow() + " reached 0.5; 200 are needed")
                .contains("Domain not checked").contains("there is no \"normal\" or \"other\" class")
                .contains("Stage 1 assessed " + sel.assessed() + " of " + sel.candidates() + " candidate tiles")
                .contains("No regions of interest were selected")
                .contains("aperio").contains("20×").contains("0.499 µm/px (scanner metadata)")
                .doesNotContain("Suggested diagnosis").doesNotContain("Saliency map").doesNotContain("Grad-CAM");
        assertThat(r.gradCamMaps()).isZero();
    }

    @Test
    void aSlideRefusedAsOutsideTheDomainKeepsItsRoisOffTheMapsAndSaysWhy() throws Exception {
        ClassificationResult c = fixtures.classified;
        ClassificationResult refused = new ClassificationResult(c.formatVersion(), c.software(), c.createdAt(),
                c.slide(), c.parameters(), new org.marrowscope.pipeline.result.Outcome(
                        org.marrowscope.pipeline.result.Outcome.Status.OUTSIDE_DOMAIN,
                        org.marrowscope.pipeline.result.Outcome.ATYPICAL_CONFIDENCE, "The models are less sure of every"
                        + " class than on any of the 197 calibration slides."), c.quality(), c.classifiers(), c.device(),
                c.timings(), c.selection(), c.rois(), c.perModel(), c.ensemble(), c.domain(), List.of(), null,
                List.of(), c.leftOutModels());
        ReportWriter.Rendered r = writer(OPTIONS).render(fixtures.smear, refused, CaseInfo.NONE.withCaseId("OD-1"),
                GradCamProvider.unavailable("the slide was not classified"));
        assertThat(PdfAValidator.validate(r.pdf()).failures()).isEmpty();
        String text = text(r.pdf()).replaceAll("\\s+", " ");
        assertThat(text).contains("OUTSIDE THE MODELS' DOMAIN").contains("less sure of every class")
                .contains("The slide was not classified, so its " + c.rois().size() + " regions of interest are not"
                        + " mapped by class and there is no saliency map")
                .doesNotContain("No regions of interest were selected").doesNotContain("Suggested diagnosis");
        assertThat(r.gradCamMaps()).isZero();
    }

    @Test
    void theLabelImageIsIncludedOnlyWhenEnabledAndTheMacroNever() throws Exception {
        BufferedImage label;
        BufferedImage macro;
        try (Slide slide = Slides.open(fixtures.cmu)) {
            label = slide.readAssociatedImage("label");
            macro = slide.readAssociatedImage("macro");
        }
        GradCamProvider none = GradCamProvider.unavailable("not classifiable");
        byte[] without = writer(OPTIONS).render(fixtures.cmu, fixtures.notClassifiable, CaseInfo.NONE, none).pdf();
        byte[] with = writer(OPTIONS.withIncludeLabel(true)).render(fixtures.cmu, fixtures.notClassifiable, CaseInfo.NONE,
                none).pdf();
        try (PDDocument a = Loader.loadPDF(without); PDDocument b = Loader.loadPDF(with)) {
            assertThat(images(a)).noneMatch(i -> sameSize(i, label)).noneMatch(i -> sameSize(i, macro)).hasSize(1);
            assertThat(images(b)).filteredOn(i -> sameSize(i, label)).hasSize(1);
            assertThat(images(b)).noneMatch(i -> sameSize(i, macro)).hasSize(2);
        }
        assertThat(text(without)).contains("not included (it may show patient identity)").doesNotContain("Slide label,");
        assertThat(text(with)).contains("Slide label, included because the user enabled it");
        assertThat(PdfAValidator.validate(with).compliant()).isTrue();
    }

    @Test
    void veraPdfRejectsDocumentsThatAreNotPdfA() throws Exception {
        byte[] good = writer(OPTIONS).render(fixtures.cmu, fixtures.notClassifiable, CaseInfo.NONE,
                GradCamProvider.unavailable("n/a")).pdf();
        // The same report without its sRGB output intent: its DeviceRGB colours and images lose their meaning.
        byte[] noIntent;
        try (PDDocument doc = Loader.loadPDF(good)) {
            doc.getDocumentCatalog().setOutputIntents(List.of());
            noIntent = save(doc);
        }
        PdfAValidator.Verdict v1 = PdfAValidator.validate(noIntent);
        assertThat(v1.compliant()).isFalse();
        assertThat(v1.failures()).anyMatch(f -> f.startsWith("6.2.4.3"));

        // Metadata and output intent right, but text in Helvetica that is not embedded.
        byte[] unembedded;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Not embedded");
                cs.endText();
            }
            PdfA.apply(doc, "t", "s", "MarrowScope test", Instant.parse("2026-11-27T10:15:30Z"));
            unembedded = save(doc);
        }
        PdfAValidator.Verdict v2 = PdfAValidator.validate(unembedded);
        assertThat(v2.compliant()).isFalse();
        assertThat(v2.failures()).anyMatch(f -> f.startsWith("6.2.11.4.1"));
    }

    @Test
    void cancellingLeavesNoFileAndAnExistingReportUntouched() throws Exception {
        Path target = Files.writeString(tmp.resolve("report.pdf"), "the previous report");
        int[] calls = {0};
        GradCamProvider interrupting = GradCamProvider.of(fixtures.classified.classifiers().getFirst(),
                GradCam.Layer.PENULTIMATE, (roi, tile, classIndex) -> {
                    if (++calls[0] == 2) {
                        Thread.currentThread().interrupt();
                    }
                    return flat(classIndex);
                });
        try {
            assertThatThrownBy(() -> writer(OPTIONS).write(fixtures.smear, fixtures.classified, CASE, interrupting, target))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(calls[0]).isEqualTo(2);
        assertThat(Files.readString(target)).isEqualTo("the previous report");
        assertThat(files(tmp)).containsExactly(target);
    }

    @Test
    void anErrorLeavesNoFileAndAGradCamFailureOnlyDropsTheMaps() throws Exception {
        Path target = Files.writeString(tmp.resolve("report.pdf"), "the previous report");
        GradCamProvider broken = GradCamProvider.of(fixtures.classified.classifiers().getFirst(), GradCam.Layer.PENULTIMATE,
                (roi, tile, classIndex) -> {
                    throw new IllegalStateException("a bug");
                });
        assertThatThrownBy(() -> writer(OPTIONS).write(fixtures.smear, fixtures.classified, CASE, broken, target))
                .isInstanceOf(IllegalStateException.class).hasMessage("a bug");
        assertThat(Files.readString(target)).isEqualTo("the previous report");
        assertThat(files(tmp)).containsExactly(target);

        GradCamProvider missing = GradCamProvider.of(fixtures.classified.classifiers().getFirst(), GradCam.Layer.PENULTIMATE,
                (roi, tile, classIndex) -> {
                    throw new IOException("features.pt is gone");
                });
        ReportWriter.Written w = writer(OPTIONS).write(fixtures.smear, fixtures.classified, CASE, missing, target);
        assertThat(w.warnings()).containsExactly("Grad-CAM maps left out: Grad-CAM failed: features.pt is gone");
        assertThat(w.gradCamMaps()).isZero();
        assertThat(text(Files.readAllBytes(target))).contains("Grad-CAM not available: Grad-CAM failed: features.pt is gone");
    }

    @Test
    void aResultIsOnlyReportedWithItsOwnSlideAndAKnownReferenceClass() {
        GradCamProvider none = GradCamProvider.unavailable("n/a");
        assertThatThrownBy(() -> writer(OPTIONS).render(fixtures.cmu, fixtures.classified, CaseInfo.NONE, none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was made from aml-21.tiff").hasMessageContaining("CMU-1-Small-Region.svs");
        assertThatThrownBy(() -> writer(OPTIONS).render(fixtures.smear, fixtures.classified,
                CaseInfo.NONE.withReferenceDiagnosis("CLL"), none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'CLL' is not one of the models' classes [ALL, AML, CML, Lymphoma, MM]");
    }

    @Test
    void gradCamsComeFromTheReportsOwnTilesWithoutReopeningTheSlide() throws Exception {
        GradCamProvider cams = realGradCams();
        long before = Slides.openCount();
        ReportWriter.Rendered rendered = writer(OPTIONS).render(fixtures.smear, fixtures.classified, CaseInfo.NONE, cams);
        assertThat(rendered.gradCamMaps()).isGreaterThan(1);
        assertThat(Slides.openCount() - before).as("slide opens for one report with %d Grad-CAM maps", rendered.gradCamMaps())
                .isEqualTo(1);
    }

    @Test
    void locatingTheClassifierBundleByHash() throws Exception {
        GradCamProvider found = GradCamLookup.locate(fixtures.service, fixtures.smear, fixtures.classified,
                List.of(ReportFixtures.MODELS), GradCam.Layer.INTERMEDIATE, "cpu");
        assertThat(found.available()).isTrue();
        assertThat(found.description()).isEqualTo("tiny-cnn 1.0.0, intermediate layer");
        RoiResult first = fixtures.classified.rois().getFirst();
        BufferedImage tile;
        try (Slide slide = Slides.open(fixtures.smear)) {
            tile = new RoiImages(slide, fixtures.classified.parameters()).read(first);
        }
        GradCamMap map = found.compute(first, tile, "AML");
        assertThat(map.className()).isEqualTo("AML");
        assertThat(map.layer()).isEqualTo(GradCam.Layer.INTERMEDIATE);

        GradCamProvider none = GradCamLookup.locate(fixtures.service, fixtures.smear, fixtures.classified,
                List.of(Files.createDirectories(tmp.resolve("empty"))), GradCam.Layer.PENULTIMATE, "cpu");
        assertThat(none.available()).isFalse();
        assertThat(none.unavailableReason().orElseThrow()).contains("tiny-cnn 1.0.0, tiny-resnet 1.0.0")
                .contains("same SHA-256");
    }

    @Test
    void textTheFontsCannotShowBecomesAQuestionMark() {
        assertThat(ReportFonts.printable("µm ≥ ± – é\u6f22\uE000\n\u0007x")).isEqualTo("µm ≥ ± – é?? x");
    }

    private static GradCamMap flat(int classIndex) {
        return new GradCamMap(GradCam.Layer.PENULTIMATE, classIndex, "x", 0.5f, 4, 4, new float[16]);
    }

    /** The document's text with line breaks (wrapping) as plain spaces. */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return flat(new PDFTextStripper().getText(doc));
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static byte[] save(PDDocument doc) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static boolean sameSize(PDImageXObject image, BufferedImage other) {
        return image.getWidth() == other.getWidth() && image.getHeight() == other.getHeight();
    }

    static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources res = page.getResources();
            for (COSName name : res.getFontNames()) {
                fonts.add(res.getFont(name));
            }
        }
        return fonts;
    }

    static List<PDImageXObject> images(PDDocument doc) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            PDResources res = page.getResources();
            for (COSName name : res.getXObjectNames()) {
                if (res.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
        }
        return images;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
