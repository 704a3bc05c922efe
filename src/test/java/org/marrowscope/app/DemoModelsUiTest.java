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
        // The calibrated demo models check their domain and give prediction sets; the panel says both.
        assertThat(r.outcome().status()).isEqualTo(org.marrowscope.pipeline.result.Outcome.Status.CLASSIFIED);
        assertThat(robot.lookup("#domain-check").queryAs(Label.class).getText()).startsWith("Domain check passed");
        assertThat(robot.lookup("#prediction-sets").queryAs(Label.class).getText()).contains("95% set: {");
        assertThat(robot.lookup("#resolution").queryAs(Label.class).getText()).contains("0.25 um/px");
        assertThat(robot.lookup("#scope").queryAs(Label.class).getText()).contains("no \"normal\" or \"other\" class");
    }

    @Test
    void anHeSectionIsRefusedAsOutsideTheModelsDomainWithNoClassShown(FxRobot robot) throws Exception {
        fx(() -> window.open(org.marrowscope.TestData.slide("CMU-1-Small-Region.svs"))).get(30, TimeUnit.SECONDS);
        waitUntil(30, () -> window.view().slide() != null && window.models().scanned());
        robot.clickOn("#classify");
        waitUntil(300, () -> window.result() != null && !window.classifier().runningProperty().get());
        ClassificationResult r = fx(() -> window.result());
        assertThat(r.outcome().status()).as(r.outcome().reason())
                .isEqualTo(org.marrowscope.pipeline.result.Outcome.Status.OUTSIDE_DOMAIN);
        assertThat(robot.lookup("#diagnosis").queryAs(Label.class).getText()).isEqualTo("Outside the models' domain");
        assertThat(robot.lookup("#outcome-reason").queryAs(Label.class).getText()).contains("unlike");
        assertThat(robot.lookup("#vote-chart").tryQuery()).isEmpty();
        assertThat(robot.lookup("#domain-check").queryAs(Label.class).getText()).startsWith("Outside the models' domain");
    }

    @Test
    void aPictureThatStatesNoResolutionAsksForOneAndRecordsItAsEnteredByTheUser(FxRobot robot) throws Exception {
        Path picture = org.marrowscope.service.OutOfDomainInputs.png(
                org.marrowscope.service.OutOfDomainInputs.smearField(SmearClass.CML, 90_611), slides, "no-resolution");
        fx(() -> window.open(picture)).get(30, TimeUnit.SECONDS);
        waitUntil(30, () -> window.view().slide() != null && window.models().scanned());
        robot.clickOn("#classify");
        waitUntil(60, () -> robot.lookup("#resolution-prompt").tryQuery().isPresent());
        assertThat(robot.lookup("#resolution-prompt .label").queryAllAs(Label.class)).anyMatch(
                l -> l.getText().contains("does not state its resolution"));
        assertThat(robot.lookup("#resolution-classify").query().isDisabled()).isTrue();
        robot.clickOn("#resolution-value").write("0.25");
        robot.clickOn("#resolution-classify");
        waitUntil(300, () -> window.result() != null && !window.classifier().runningProperty().get());
        ClassificationResult r = fx(() -> window.result());
        assertThat(r.parameters().micronsPerPixelSource()).isEqualTo("user");
        assertThat(robot.lookup("#resolution").queryAs(Label.class).getText()).contains("0.25 um/px")
                .contains("entered by the user");
    }
}
