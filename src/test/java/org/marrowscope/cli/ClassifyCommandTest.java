package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;

/** `marrowscope classify` end to end: real slides, real test bundles, files and exit codes a script relies on. */
class ClassifyCommandTest {

    static final String MODELS = "src/test/resources/models";

    @TempDir
    static Path slides;

    @BeforeAll
    static void writeSlides() {
        CliRunner r = CliRunner.run("synth", "--class", "CML", "--size", "5000x4000", "--seed", "4", "--no-progress",
                slides.resolve("cml-4.tiff").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static String[] args(Path out, String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("classify", "--quality-model", MODELS + "/tiny-quality",
                "--classifier", MODELS + "/tiny-cnn", "--classifier", MODELS + "/tiny-resnet", "--out", out.toString(),
                "--rois", "8", "--no-progress", "--device", "cpu"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void classifiesAFolderWritesJsonLinesCsvAndGeoJson(@TempDir Path out) throws Exception {
        CliRunner r = CliRunner.run(args(out, "--json", "--geojson", "--csv", out.resolve("summary.csv").toString(),
                slides.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode line = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
        assertThat(line.get("slide").asText()).endsWith("cml-4.tiff");
        assertThat(line.get("exitCode").asInt()).isZero();
        assertThat(line.get("demoModels").asBoolean()).isTrue();
        Path result = new org.marrowscope.pipeline.result.ResultStore(out).location(slides.resolve("cml-4.tiff"));
        assertThat(line.get("resultFile").asText()).isEqualTo(result.toString());
        JsonNode saved = new ObjectMapper().readTree(result.toFile());
        assertThat(saved.get("formatVersion").asInt()).isEqualTo(2);
        // The tiny test models are toys (they call this CML smear AML); the point is the plumbing.
        assertThat(line.get("status").asText()).isEqualTo("classified");
        assertThat(line.get("reasonCode").asText()).isEqualTo("classified");
        // The test models carry no calibration: no domain check, no prediction set, and the line says so.
        assertThat(line.get("domainChecked").asBoolean()).isFalse();
        assertThat(line.get("uncertain").asBoolean()).isTrue();
        assertThat(line.get("predictionSet95").isNull()).isTrue();
        assertThat(line.get("message").asText()).contains("domain not checked").contains("no prediction set");
        assertThat(line.get("micronsPerPixelSource").asText()).startsWith("tiff.");
        assertThat(line.get("diagnosis").asText()).isIn("ALL", "AML", "CML", "Lymphoma", "MM");
        assertThat(saved.get("rois")).hasSize(8);
        JsonNode geo = new ObjectMapper().readTree(ClassifyCommand.geoJsonFor(result).toFile());
        assertThat(geo.get("features")).hasSize(8);
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(csv).hasSize(2);
        assertThat(csv.getFirst()).startsWith("slide,exitCode,status,reasonCode,diagnosis");
    }

    @Test
    void textSummaryWarnsAboutDemoModelsAndReusesTheSavedResult(@TempDir Path out) {
        String slide = slides.resolve("cml-4.tiff").toString();
        CliRunner first = CliRunner.run(args(out, slide));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("cml-4.tiff: ").contains("computed").contains("DEMONSTRATION MODELS");
        CliRunner second = CliRunner.run(args(out, slide));
        assertThat(second.out()).contains("saved result reused");
        CliRunner forced = CliRunner.run(args(out, "--force", slide));
        assertThat(forced.out()).contains("computed");
    }

    @Test
    void aBatchGoesOnPastABrokenSlideAndSaysSo(@TempDir Path out) {
        CliRunner r = CliRunner.run(args(out, TestData.slide("unopenable.tiff").toString(),
                slides.resolve("cml-4.tiff").toString()));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SOME_SLIDES_FAILED);
        assertThat(r.err()).contains("unopenable.tiff: ").contains("damaged");
        assertThat(r.out()).contains("cml-4.tiff: ");
        CliRunner single = CliRunner.run(args(out, TestData.slide("unopenable.tiff").toString()));
        assertThat(single.exitCode()).isEqualTo(14);
    }

    @Test
    void aBrokenModelBundleIsNamed(@TempDir Path out) throws Exception {
        Path broken = out.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("model.json"), "{ \"formatVersion\": 1, ");
        CliRunner r = CliRunner.run("classify", "--quality-model", broken.toString(), "--classifier", MODELS + "/tiny-cnn",
                "--no-progress", "--out", out.toString(), slides.resolve("cml-4.tiff").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(r.err()).contains("broken").contains("model.json");
        CliRunner none = CliRunner.run("classify", "--models", out.resolve("empty").toString(), slides.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(none.err()).contains("empty: no such folder");
    }

    @Test
    void withoutOutResultsGoToTheUsersResultsFolderAndBesideTheSlideOnlyWhenAsked(@TempDir Path folder) throws Exception {
        Path slide = Files.copy(slides.resolve("cml-4.tiff"), folder.resolve("shared.tiff"));
        List<String> base = List.of("classify", "--quality-model", MODELS + "/tiny-quality", "--classifier", MODELS + "/tiny-cnn",
                "--rois", "8", "--no-progress", "--device", "cpu", "--json");
        java.util.ArrayList<String> a = new java.util.ArrayList<>(base);
        a.add(slide.toString());
        CliRunner r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        // The tests' user data folder (XDG_DATA_HOME, set by the build), never the slide's folder.
        Path expected = new org.marrowscope.pipeline.result.ResultStore(org.marrowscope.io.UserFolders.results()).location(slide);
        assertThat(expected).startsWith(Path.of(System.getenv("XDG_DATA_HOME"), "marrowscope", "results")).isRegularFile();
        assertThat(new ObjectMapper().readTree(r.out()).get("resultFile").asText()).isEqualTo(expected.toString());
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("shared.tiff");
        }

        a.add(a.size() - 1, "--beside-slide");
        CliRunner beside = CliRunner.run(a.toArray(String[]::new));
        assertThat(beside.exitCode()).as(beside.err()).isZero();
        assertThat(folder.resolve("shared.tiff.marrowscope.json")).isRegularFile();

        a.add(a.size() - 1, "--out");
        a.add(a.size() - 1, folder.resolve("o").toString());
        CliRunner both = CliRunner.run(a.toArray(String[]::new));
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--out and --beside-slide exclude each other");
    }
}
