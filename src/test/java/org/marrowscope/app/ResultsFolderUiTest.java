package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.app.MainWindowUiTest.fx;
import static org.marrowscope.app.MainWindowUiTest.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14, item 2, on the real window: with the settings as shipped, a result goes to the user's results folder
 * (keyed by the slide's fingerprint, as {@code classify --out} names it), never into the slide's folder, and the
 * Result tab says where; "beside each slide" writes there only once the user chose it.
 */
@ExtendWith(ApplicationExtension.class)
class ResultsFolderUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir
    Path home;

    @TempDir
    Path archive;

    TestWindow shown;
    MainWindow window;

    @Start
    void start(Stage stage) {
        // The shipped defaults (no results folder set), on the CPU, with quick stage-1 numbers for the tiny models.
        Settings settings = Settings.DEFAULTS.withPreferences(null, null, "cpu", 64, false, 20)
                .withSelection(new Settings.Selection(8, 0.0, 0.0, 1));
        shown = TestWindow.show(stage, home, MainWindowUiTest.MODELS, settings,
                PipelineSettings.PAPER.withSelection(new SelectionSettings(8, 0, 0, 1, 8, false)));
        window = shown.window();
    }

    @AfterEach
    void stop() throws Exception {
        shown.close();
    }

    @Test
    void resultsGoToTheUsersResultsFolderUnlessBesideTheSlideIsChosen(FxRobot robot) throws Exception {
        Path slide = archive.resolve("mm-8.tiff");
        SyntheticSlideWriter.write(SmearSpec.of(SmearClass.MM, 8, 4000, 3000), slide, TiffWriteOptions.defaults(),
                WriteProgress.NONE, "test");
        fx(() -> window.open(slide)).get(30, TimeUnit.SECONDS);
        waitUntil(30, () -> window.models().scanned());
        fx(() -> {
            window.models().selectClassifiers(List.of(MainWindowUiTest.MODELS.resolve("tiny-cnn")));
            return null;
        });
        robot.clickOn("#classify");
        waitUntil(120, () -> window.result() != null && !window.classifier().runningProperty().get());

        Path expected = new ResultStore(home.resolve("data").resolve("results")).location(slide);
        assertThat(expected).isRegularFile();
        assertThat(expected.getFileName().toString()).matches("mm-8\\.tiff\\.[0-9a-f]{12}\\.marrowscope\\.json");
        assertThat(robot.lookup("#saved-to").queryAs(Label.class).getText()).isEqualTo(expected.toString());
        try (var files = Files.list(archive)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("mm-8.tiff", "mm-8.truth.json");
        }

        // The user chooses "beside each slide": Re-run writes there, and the Result tab says so.
        fx(() -> {
            shown.context().settings().set(shown.context().settings().get().withResultsBesideSlide(true));
            return null;
        });
        fx(() -> {
            window.rerun();
            return null;
        });
        Path beside = archive.resolve("mm-8.tiff" + ResultStore.SUFFIX);
        waitUntil(120, () -> !window.classifier().runningProperty().get() && Files.isRegularFile(beside));
        waitUntil(10, () -> robot.lookup("#saved-to").queryAs(Label.class).getText().equals(beside.toString()));
    }
}
