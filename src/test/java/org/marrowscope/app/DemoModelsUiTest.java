package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.app.MainWindowUiTest.fx;
import static org.marrowscope.app.MainWindowUiTest.waitUntil;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.result.SelectionMode;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The shipped demonstration models in the real window, at the paper's settings (200 ROIs, p(good) >= 0.8):
 * a synthetic multiple myeloma smear the models never saw is classified as MM, with the demo warning shown.
 */
@ExtendWith(ApplicationExtension.class)
class DemoModelsUiTest {

    static {
        HeadlessFx.configure();
    }

    static final Path DEMO_MODELS = Path.of("models").toAbsolutePath();

    @TempDir
    static Path slides;

    static Path slide;

    @TempDir
    Path home;

    TestWindow shown;
    MainWindow window;

    @BeforeAll
    static void writeSlide() throws Exception {
        slide = slides.resolve("mm-90417.tiff");
        SyntheticSlideWriter.write(SmearSpec.of(SmearClass.MM, 90417, 8000, 6000), slide, TiffWriteOptions.defaults(),
                WriteProgress.NONE, "test");
    }

    @Start
    void start(Stage stage) {
        shown = TestWindow.show(stage, home, DEMO_MODELS, TestWindow.settings(home), PipelineSettings.PAPER);
        window = shown.window();
    }

    @AfterEach
    void stop() throws Exception {
        shown.close();
    }

    @Test
    void theDemoModelsClassifyAnUnseenMyelomaSmear(FxRobot robot) throws Exception {
        fx(() -> window.open(slide)).get(30, TimeUnit.SECONDS);
        waitUntil(30, () -> window.view().slide() != null && window.models().scanned());
        robot.clickOn("#classify");
        waitUntil(300, () -> window.result() != null && !window.classifier().runningProperty().get());
        ClassificationResult r = fx(() -> window.result());
        assertThat(r.usesDemoModels()).isTrue();
        assertThat(r.selection().mode()).isEqualTo(SelectionMode.HIGH_QUALITY);
        assertThat(r.rois()).hasSize(200).allMatch(roi -> roi.quality() >= 0.8f);
        assertThat(r.classifiers()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(r.diagnosis()).isEqualTo("MM");
        assertThat(robot.lookup("#diagnosis").queryAs(Label.class).getText()).isEqualTo("MM");
        assertThat(robot.lookup(".demo-warning").tryQuery()).isPresent();
    }
}
