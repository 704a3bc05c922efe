package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `marrowscope report` and `classify --report` end to end: real slide, real test bundles, real PDFs. */
class ReportCommandTest {

    static final String MODELS = "src/test/resources/models";

    @TempDir
    static Path slides;

    static Path slide;

    /** Where classify saved the slide's result: the user's results folder (the tests' own, XDG_DATA_HOME). */
    static Path saved;

    @BeforeAll
    static void classifyWithReport() throws Exception {
        slide = slides.resolve("cml-4.tiff");
        CliRunner synth = CliRunner.run("synth", "--class", "CML", "--size", "5000x4000", "--seed", "4", "--no-progress",
                slide.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        // No --out: the result goes to the user's results folder, where `report` looks for it by default.
        CliRunner r = CliRunner.run("classify", "--quality-model", MODELS + "/tiny-quality", "--classifier",
                MODELS + "/tiny-cnn", "--classifier", MODELS + "/tiny-resnet", "--rois", "8", "--no-progress", "--device",
                "cpu", "--json", "--report", slide.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode line = json(r.out());
        saved = new org.marrowscope.pipeline.result.ResultStore(org.marrowscope.io.UserFolders.results()).location(slide);
        assertThat(line.get("resultFile").asText()).isEqualTo(saved.toString());
        assertThat(line.get("report").asText()).isEqualTo(org.marrowscope.report.ReportWriter.besideResult(saved).toString());
        // Nothing lands in the slide's folder unasked.
        try (var files = Files.list(slides)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("cml-4.tiff", "cml-4.truth.json");
        }
    }

    @Test
    void classifyWithReportWritesTheReportBesideTheResult() throws Exception {
        Path pdf = org.marrowscope.report.ReportWriter.besideResult(saved);
        String text = text(pdf);
        assertThat(text).contains("Suggested diagnosis: ").contains("DEMONSTRATION MODELS").contains("No case details")
                .contains("Grad-CAM for the ROI's predicted class (tiny-cnn 1.0.0, penultimate layer");
    }

    @Test
    void reportFindsTheSavedResultAndPrintsCaseFieldsGiven(@TempDir Path out) throws Exception {
        Path pdf = out.resolve("case.pdf");
        CliRunner r = CliRunner.run("report", slide.toString(), "-o", pdf.toString(), "--case-id", "BM-7",
                "--patient-name", "Jane Doe", "--birth-date", "1961-04-02", "--pathologist", "Dr. P. Athologist",
                "--reference-diagnosis", "MM", "--gallery", "2", "--models", MODELS, "--device", "cpu");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("cml-4.tiff: report written to " + pdf + " (").contains(" pages, ");
        assertThat(text(pdf)).contains("Case BM-7 · cml-4.tiff").contains("Jane Doe").contains("1961-04-02")
                .contains("Dr. P. Athologist").contains("Reference diagnosis (pathologist): MM")
                .contains("its 2 most confident ROIs").contains("tiny-cnn 1.0.0, penultimate layer")
                .doesNotContain("Patient ID");
    }

    @Test
    void withoutTheClassifierBundleTheReportSaysWhyThereIsNoGradCam(@TempDir Path out) throws Exception {
        Path pdf = out.resolve("no-cam.pdf");
        CliRunner r = CliRunner.run("report", slide.toString(), "--result", saved.toString(), "-o", pdf.toString(), "--models", Files.createDirectories(out.resolve("empty")).toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: Grad-CAM maps left out: no bundle of the classifiers used");
        assertThat(text(pdf)).contains("Grad-CAM not available: no bundle of the classifiers used");
    }

    @Test
    void badInputGetsAClearMessageAndNoFile(@TempDir Path out) throws Exception {
        Path pdf = out.resolve("r.pdf");
        Path unclassified = Files.copy(slide, out.resolve("other.tiff"));
        CliRunner none = CliRunner.run("report", unclassified.toString(), "-o", pdf.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no saved result for other.tiff at "
                + new org.marrowscope.pipeline.result.ResultStore(org.marrowscope.io.UserFolders.results()).location(unclassified))
                .contains("classify the slide first");

        CliRunner badClass = CliRunner.run("report", slide.toString(), "-o", pdf.toString(), "--reference-diagnosis", "CLL");
        assertThat(badClass.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badClass.err()).contains("'CLL' is not one of the models' classes");

        CliRunner badDate = CliRunner.run("report", slide.toString(), "-o", pdf.toString(), "--birth-date", "2.4.1961");
        assertThat(badDate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDate.err()).contains("--birth-date");

        CliRunner missing = CliRunner.run("report", out.resolve("nope.svs").toString(), "--result",
                saved.toString(), "-o", pdf.toString());
        assertThat(missing.exitCode()).isEqualTo(10);
        assertThat(pdf).doesNotExist();
    }

    @Test
    void benchReportTimesTheReportAgainstItsBaselines() {
        CliRunner r = CliRunner.run("bench", "report", "--size", "4000x3000", "--rois", "12", "--rounds", "1",
                "--quality-model", MODELS + "/tiny-quality", "--classifier", MODELS + "/tiny-cnn", "--device", "cpu",
                "--reference-diagnosis", "ALL");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("result: 12 ROIs, 1 classifier(s) (Grad-CAM: tiny-cnn 1.0.0, penultimate layer)")
                .containsPattern("round 1: JSON [0-9.]+ s, report without Grad-CAM [0-9.]+ s, report [0-9.]+ s \\(\\d+ pages")
                .containsPattern("mean of 1 rounds: report [0-9.]+ s = \\d+x saving the JSON")
                .contains("target under 3 s for a 12-ROI result: ");
    }

    private static JsonNode json(String out) {
        try {
            return new ObjectMapper().readTree(out.lines().findFirst().orElseThrow());
        } catch (java.io.IOException e) {
            throw new AssertionError(out, e);
        }
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

}
