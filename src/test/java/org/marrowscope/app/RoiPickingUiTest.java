package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.app.MainWindowUiTest.fx;
import static org.marrowscope.app.MainWindowUiTest.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import org.marrowscope.viewer.ViewTransform;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * ROIs as objects on the slide (issue 14, item 3), on the real window with the tiny real models: hovering a ROI's dot
 * shows its class, p and each model's vote; a click selects it and opens its Grad-CAM; N and P step through the
 * filtered list; the class filter's first entry reads "Any class".
 */
@ExtendWith(ApplicationExtension.class)
class RoiPickingUiTest {

    static {
        HeadlessFx.configure();
    }

    @TempDir
    static Path slides;

    static Path slide;

    @TempDir
    Path home;

    TestWindow shown;
    MainWindow window;

    @BeforeAll
    static void writeSlide() throws Exception {
        slide = slides.resolve("aml-23.tiff");
        SyntheticSlideWriter.write(SmearSpec.of(SmearClass.AML, 23, 6000, 4500), slide, TiffWriteOptions.defaults(),
                WriteProgress.NONE, "test");
    }

    @Start
    void start(Stage stage) {
        shown = TestWindow.showQuick(stage, home);
        window = shown.window();
    }

    @AfterEach
    void stop() throws Exception {
        shown.close();
    }

    private Point2D onScreen(RoiResult roi) throws Exception {
        return fx(() -> {
            ViewTransform t = window.view().transform();
            return window.view().localToScreen(t.toScreenX(roi.centreX()), t.toScreenY(roi.centreY()));
        });
    }

    @Test
    void hoverShowsTheRoiClickOpensItsGradCamAndNAndPStep(FxRobot robot) throws Exception {
        fx(() -> window.open(slide)).get(30, TimeUnit.SECONDS);
        waitUntil(30, () -> window.models().scanned());
        fx(() -> {
            window.models().selectClassifiers(List.of(MainWindowUiTest.MODELS.resolve("tiny-cnn"),
                    MainWindowUiTest.MODELS.resolve("tiny-resnet")));
            return null;
        });
        robot.clickOn("#classify");
        waitUntil(120, () -> window.result() != null && !window.classifier().runningProperty().get());
        ClassificationResult r = fx(() -> window.result());
        waitUntil(30, () -> !window.view().animating());
        // The ROI nearest the slide's centre: clear of the navigator and the scale bar drawn over the view's corners.
        RoiResult roi = r.rois().stream().min(java.util.Comparator.comparingDouble(x -> Math.hypot(x.centreX() - 3000.0,
                x.centreY() - 2250.0))).orElseThrow();

        // Hover: the ROI's class, p and both models' votes, as soon as the pointer is over it.
        Point2D centre = onScreen(roi);
        robot.moveTo(centre.add(30, 30));
        robot.moveTo(centre);
        waitUntil(10, () -> window.picker().tooltip().isShowing());
        String tip = fx(() -> window.picker().tooltip().getText());
        assertThat(tip).startsWith("ROI " + (roi.index() + 1) + ": " + roi.ensembleLabel() + ", p = ").contains("tiny-cnn: " + roi.labels().get(0))
                .contains("tiny-resnet: " + roi.labels().get(1));
        // Off every ROI, nothing shows.
        ViewTransform t = fx(() -> window.view().transform());
        Point2D corner = fx(() -> window.view().localToScreen(2, 2));
        assertThat(RoiPicker.at(r, t, 2, 2)).isEmpty();
        robot.moveTo(corner);
        waitUntil(10, () -> !window.picker().tooltip().isShowing());

        // Click: selected as in the ROI browser, which comes to the front, and its Grad-CAM is computed.
        robot.clickOn(onScreen(roi));
        waitUntil(10, () -> window.roiBrowser().selected() == roi);
        assertThat(fx(() -> window.side().getSelectionModel().getSelectedIndex())).isEqualTo(1);
        waitUntil(60, () -> robot.lookup("#gradcam-info").queryAs(Label.class).getText().contains("p("));
        assertThat(robot.lookup("#gradcam-info").queryAs(Label.class).getGraphic()).as("spinner gone").isNull();

        // N and P step through the browser's list (all ROIs, highest confidence first) from the selected one.
        List<RoiResult> list = fx(() -> window.roiBrowser().shown());
        int at = list.indexOf(roi);
        robot.type(KeyCode.N);
        assertThat(fx(() -> window.roiBrowser().selected())).isEqualTo(list.get((at + 1) % list.size()));
        robot.type(KeyCode.P);
        robot.type(KeyCode.P);
        assertThat(fx(() -> window.roiBrowser().selected())).isEqualTo(list.get(Math.floorMod(at - 1, list.size())));

        assertThat(robot.lookup("#roi-class-filter").queryAs(ComboBox.class).getItems().getFirst()).isEqualTo("Any class");
    }
}
