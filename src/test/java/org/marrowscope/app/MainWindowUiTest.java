package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.pipeline.maps.Misclassified;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import org.marrowscope.viewer.Pyramid;
import org.marrowscope.viewer.SlideView;
import org.marrowscope.viewer.TileKey;
import org.marrowscope.viewer.ViewTransform;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, driven as a user would (headless through Monocle): open a synthetic slide, zoom and
 * pan, classify with real models (the tiny test bundles, real DJL inference), overlays, the ROI browser with
 * Grad-CAM, tile review, cancel, and the error dialogs.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

    static {
        HeadlessFx.configure();
    }

    static final Path MODELS = Path.of("src/test/resources/models").toAbsolutePath();

    @TempDir
    static Path slides;

    static Path slide;

    @TempDir
    Path home;

    TestWindow shown;
    AppContext context;
    MainWindow window;

    @BeforeAll
    static void writeSlide() throws Exception {
        slide = slides.resolve("aml-21.tiff");
        SyntheticSlideWriter.write(SmearSpec.of(SmearClass.AML, 21, 6000, 4500), slide, TiffWriteOptions.defaults(),
                WriteProgress.NONE, "test");
    }

    @Start
    void start(Stage stage) {
        shown = TestWindow.showQuick(stage, home);
        context = shown.context();
        window = shown.window();
    }

    @AfterEach
    void stop() throws Exception {
        shown.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(30, TimeUnit.SECONDS);
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    private void openSlide(Path path) throws Exception {
        fx(() -> window.open(path)).get(30, TimeUnit.SECONDS);
        waitUntil(30, () -> window.view().transform() != null && window.view().slide() != null);
        waitUntil(30, () -> window.view().loader().idle() && !window.view().animating());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitTilesSettled() throws Exception {
        waitUntil(30, () -> !window.view().animating());
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(30, () -> window.view().loader().idle());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The view's level and the tiles the viewer asked for are exactly those the maths says the view needs. */
    private void assertRequestedTilesMatchTheView() throws Exception {
        fx(() -> {
            SlideView v = window.view();
            v.paintNow();
            ViewTransform t = v.transform();
            Pyramid p = v.pyramid();
            List<TileKey> expected = p.visibleTiles(t, p.levelFor(t.scale()));
            assertThat(v.loader().lastRequest()).isEqualTo(expected).isNotEmpty();
            return null;
        });
    }

    private void chooseTinyClassifiers() throws Exception {
        waitUntil(30, () -> window.models().scanned());
        fx(() -> {
            window.models().selectClassifiers(List.of(MODELS.resolve("tiny-cnn"), MODELS.resolve("tiny-resnet")));
            return null;
        });
    }

    private ClassificationResult classifyAndWait(FxRobot robot) throws Exception {
        chooseTinyClassifiers();
        robot.clickOn("#classify");
        waitUntil(120, () -> window.result() != null && !window.classifier().runningProperty().get());
        return fx(() -> window.result());
    }

    private static DialogPane dialogShowing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene().getRoot() instanceof DialogPane)));
        return fx(() -> (DialogPane) Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow().getScene().getRoot());
    }

    private static String dialogText(DialogPane pane) throws Exception {
        return fx(() -> pane.getHeaderText() + " / " + ((Label) pane.getContent()).getText());
    }

    // ---- tests -------------------------------------------------------------------------------------------

    @Test
    void opensASlideThenZoomsAndPansRequestingExactlyTheVisibleTiles(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#start-demo").tryQuery()).isPresent();
        openSlide(slide);
        ViewTransform fitted = fx(() -> window.view().transform());
        double viewW = fx(() -> window.view().getWidth());
        double viewH = fx(() -> window.view().getHeight());
        assertThat(fitted.centreX()).isEqualTo(3000);
        assertThat(fitted.centreY()).isEqualTo(2250);
        assertThat(fitted.scale()).isEqualTo(ViewTransform.fitScale(6000, 4500, viewW, viewH));
        assertRequestedTilesMatchTheView();
        assertThat(fx(() -> window.view().paintNow())).as("every tile of the fitted view painted").isTrue();
        assertThat(fx(() -> window.scaleBar().text())).endsWith("µm");
        assertThat(fx(() -> window.status().magnificationText())).startsWith("Magnification ");

        // "+" zooms in 2x about the centre (animated), onto a finer pyramid level.
        int fittedLevel = fx(() -> window.view().pyramid().levelFor(fitted.scale()));
        robot.clickOn(window.view());
        robot.type(KeyCode.PLUS);
        robot.type(KeyCode.PLUS);
        awaitTilesSettled();
        ViewTransform zoomed = fx(() -> window.view().transform());
        assertThat(zoomed.scale()).isCloseTo(fitted.scale() * 4, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(zoomed.centreX()).isCloseTo(3000, org.assertj.core.api.Assertions.within(1.0));
        assertThat(fx(() -> window.view().pyramid().levelFor(zoomed.scale()))).isLessThan(fittedLevel);
        assertRequestedTilesMatchTheView();

        // Dragging moves the slide with the mouse.
        robot.drag(window.view()).dropBy(-150, -80);
        awaitTilesSettled();
        ViewTransform panned = fx(() -> window.view().transform());
        assertThat(panned.centreX() - zoomed.centreX()).isCloseTo(150 / zoomed.scale(), org.assertj.core.api.Assertions.within(2 / zoomed.scale()));
        assertThat(panned.centreY() - zoomed.centreY()).isCloseTo(80 / zoomed.scale(), org.assertj.core.api.Assertions.within(2 / zoomed.scale()));
        assertRequestedTilesMatchTheView();
        assertThat(fx(() -> window.view().paintNow())).isTrue();
        long reads = fx(() -> window.view().loader().reads());
        assertThat(reads).isPositive();

        // 0 fits again, from the tiles still in the memory-bounded cache.
        List<TileKey> fittedTiles = fx(() -> window.view().pyramid().visibleTiles(fitted, fittedLevel));
        assertThat(fx(() -> fittedTiles.stream().allMatch(k -> window.view().cache().contains(k)))).isTrue();
        robot.type(KeyCode.DIGIT0);
        awaitTilesSettled();
        assertThat(fx(() -> window.view().transform().scale())).isCloseTo(fitted.scale(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(fx(() -> window.view().loader().lastRequest())).isEqualTo(fittedTiles);
        assertThat(fx(() -> window.view().cache().sizeBytes())).isPositive()
                .isLessThanOrEqualTo(fx(() -> window.view().cache().capacityBytes()));
        // The navigator moves the view where it is clicked.
        Node nav = robot.lookup(".navigator").query();
        Bounds b = fx(() -> nav.localToScreen(nav.getLayoutBounds()));
        robot.clickOn(b.getMinX() + b.getWidth() * 0.25, b.getMinY() + b.getHeight() * 0.75);
        waitUntil(10, () -> window.view().transform().centreX() < 2000);
        assertThat(fx(() -> window.view().transform().centreX())).isCloseTo(1500, org.assertj.core.api.Assertions.within(60.0));
        assertThat(fx(() -> window.view().transform().centreY())).isCloseTo(3375, org.assertj.core.api.Assertions.within(60.0));
    }

    @Test
    void classifiesWithRealModelsThenShowsOverlaysAndTheRoiBrowserWithGradCam(FxRobot robot) throws Exception {
        openSlide(slide);
        ClassificationResult r = classifyAndWait(robot);
        assertThat(r.classifiable()).isTrue();
        assertThat(r.rois()).hasSize(12);
        assertThat(r.classifiers()).extracting(m -> m.name()).containsExactly("tiny-cnn", "tiny-resnet");
        assertThat(new ResultStore(home.resolve("results")).location(slide)).exists();
        assertThat(robot.lookup("#diagnosis").queryAs(Label.class).getText()).isEqualTo(r.diagnosis());
        assertThat(robot.lookup("#demo-warning").tryQuery()).isPresent();
        assertThat(robot.lookup("#vote-chart").tryQuery()).isPresent();
        assertThat(robot.lookup("#model-table").tryQuery()).isPresent();

        // Overlays: the scatter is on with one dot per ROI; the saliency map turns on from the toolbar.
        assertThat(fx(() -> window.scatter().visibleProperty().get())).isTrue();
        assertThat(fx(() -> window.scatter().points())).hasSize(12);
        robot.clickOn("#toggle-saliency");
        waitUntil(30, () -> window.saliency().hasContent());
        assertThat(fx(() -> window.saliency().visibleProperty().get())).isTrue();
        robot.clickOn("#toggle-scatter");
        assertThat(fx(() -> window.scatter().visibleProperty().get())).isFalse();

        // The ROI browser: pick the first ROI; the viewer centres on it and Grad-CAM is computed.
        robot.clickOn("#tab-rois");
        waitUntil(10, () -> window.roiBrowser().shown().size() == 12);
        RoiResult first = fx(() -> window.roiBrowser().shown().getFirst());
        Node firstCell = robot.lookup(".grid-cell").match(n -> ((org.controlsfx.control.GridCell<?>) n).getItem() == first)
                .query();
        robot.clickOn(firstCell);
        assertThat(fx(() -> window.roiBrowser().selected())).isEqualTo(first);
        waitUntil(20, () -> !window.view().animating());
        ViewTransform t = fx(() -> window.view().transform());
        assertThat(t.centreX()).isCloseTo(first.centreX(), org.assertj.core.api.Assertions.within(1.0));
        assertThat(t.centreY()).isCloseTo(first.centreY(), org.assertj.core.api.Assertions.within(1.0));
        assertThat(first.size() * t.scale()).isGreaterThan(100);
        assertThat(fx(() -> window.outline().visibleProperty().get() && window.outline().hasContent())).isTrue();
        waitUntil(60, () -> window.roiBrowser().selected() != null && robot.lookup("#gradcam-info").queryAs(Label.class)
                .getText().contains("p("));
        assertThat(robot.lookup("#roi-gradcam").queryAs(javafx.scene.image.ImageView.class).getImage()).isNotNull();

        // The pathologist disagrees: the misclassified filter follows the entered diagnosis.
        String other = r.classes().stream().filter(c -> !c.equals(r.diagnosis())).findFirst().orElseThrow();
        robot.clickOn("#tab-result");
        fx(() -> {
            window.resultPanel().referenceBox().setValue(other);
            return null;
        });
        robot.clickOn("#tab-rois");
        robot.clickOn("#roi-misclassified");
        waitUntil(10, () -> window.roiBrowser().shown().size() == Misclassified.of(r, other).size());
        waitUntil(10, () -> Files.exists(home.resolve("results").resolve("aml-21.tiff" + CaseNotes.SUFFIX)));
        assertThat(CaseNotes.read(slide, home.resolve("results")).pathologistDiagnosis()).isEqualTo(other);

        // Export PDF report (the save dialog is native, so the test hands the chosen file straight to the export).
        robot.clickOn("#tab-result");
        assertThat(robot.lookup("#export-report").queryAs(Button.class).isVisible()).isTrue();
        Path pdf = home.resolve("reports").resolve("aml-21.report.pdf");
        java.util.concurrent.atomic.AtomicReference<Path> written = new java.util.concurrent.atomic.AtomicReference<>();
        fx(() -> {
            ReportExport.write(window.stage(), context, slide, r, other, pdf, written::set);
            return null;
        });
        waitUntil(120, () -> written.get() != null);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Suggested diagnosis: " + r.diagnosis()).contains(other + " (pathologist)")
                    .contains("DEMONSTRATION MODELS");
        }

        // Reopening the slide loads the saved result and the pathologist's diagnosis without a run.
        fx(() -> {
            window.closeSlide();
            return null;
        });
        assertThat(fx(() -> window.result())).isNull();
        openSlide(slide);
        waitUntil(10, () -> window.result() != null);
        assertThat(fx(() -> window.result().rois())).usingRecursiveComparison().isEqualTo(r.rois());
        assertThat(fx(() -> window.resultPanel().referenceValue())).isEqualTo(other);
    }

    @Test
    void cancellingOrClosingTheSlideStopsTheRunAndSavesNothing(FxRobot robot) throws Exception {
        openSlide(slide);
        chooseTinyClassifiers();
        Button cancel = robot.lookup("#cancel-classify").queryAs(Button.class);
        fx(() -> {
            window.classify();
            cancel.fire();
            return null;
        });
        assertThat(fx(() -> window.classifier().runningProperty().get())).isTrue();
        waitUntil(60, () -> !window.classifier().runningProperty().get());
        assertThat(fx(() -> window.result())).isNull();
        assertThat(robot.lookup("#progress-strip").queryAs(Node.class).isVisible()).isFalse();
        assertThat(new ResultStore(home.resolve("results")).location(slide)).doesNotExist();
        assertThat(fx(() -> Window.getWindows().stream().filter(Window::isShowing).count())).isEqualTo(1);

        // Ctrl+R starts a run; Ctrl+W closes the slide during it, which cancels it. Both shortcuts fire in one FX
        // turn: with warm tiny models a run can finish while a robot is still typing the second one.
        var shortcuts = fx(() -> window.stage().getScene().getAccelerators());
        var job = fx(() -> {
            shortcuts.get(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN)).run();
            assertThat(window.classifier().runningProperty().get()).isTrue();
            var started = context.inference().activeJob(slide).orElseThrow();
            shortcuts.get(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN)).run();
            return started;
        });
        assertThat(job.isCancelled()).isTrue();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.outcome().isDone());
        assertThat(job.outcome().isCompletedExceptionally()).isTrue();
        assertThat(fx(() -> window.opened())).isNull();
        assertThat(new ResultStore(home.resolve("results")).location(slide)).doesNotExist();
    }

    @Test
    void tileReviewSavesGoodAndPoorLabelsForTraining(FxRobot robot) throws Exception {
        openSlide(slide);
        waitUntil(30, () -> window.models().scanned());
        robot.clickOn("#tile-review");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#review-position").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Tile 1 of")).orElse(false));
        waitUntil(60, () -> robot.lookup("#review-score").queryAs(Label.class).getText().startsWith("p(good) ="));
        robot.clickOn("#review-tile");
        robot.type(KeyCode.G);
        robot.type(KeyCode.P);
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.P);
        Path file = ReviewLabels.defaultFile(context.paths(), slide);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo("slide,x,y,size,label");
        assertThat(lines).hasSize(3);
        // The first tile was re-marked poor; the second stays poor. Tiles are 1024 level-0 px (0.25 um/px slide,
        // 0.5 um/px model) on the 512 px grid.
        String prefix = slide.toAbsolutePath().normalize() + ",";
        assertThat(lines.get(1)).startsWith(prefix).endsWith(",1024,poor");
        assertThat(lines.get(2)).startsWith(prefix).endsWith(",1024,poor");
        for (String line : lines.subList(1, 3)) {
            String[] f = line.substring(prefix.length()).split(",");
            assertThat(Long.parseLong(f[0]) % 512).isZero();
            assertThat(Long.parseLong(f[1]) % 512).isZero();
        }
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void brokenSlidesAndMissingModelsAreExplainedInDialogs(FxRobot robot) throws Exception {
        Path empty = Files.createFile(home.resolve("empty.svs"));
        fx(() -> window.open(empty)).get(30, TimeUnit.SECONDS);
        DialogPane pane = dialogShowing(robot);
        assertThat(dialogText(pane)).contains("could not be opened").contains("empty (0 bytes)");
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAs(Node.class));
        assertThat(fx(() -> window.opened())).isNull();

        System.setProperty(AppContext.MODELS_PROPERTY, Files.createDirectories(home.resolve("no-models")).toString());
        fx(() -> window.models().rescan()).get(30, TimeUnit.SECONDS);
        openSlide(slide);
        waitUntil(30, () -> window.models().scanned());
        robot.clickOn("#classify");
        pane = dialogShowing(robot);
        assertThat(dialogText(pane)).contains("No models to classify with").contains("no models").contains("no-models");
        assertThat(fx(() -> window.classifier().runningProperty().get())).isFalse();
    }

    @Test
    void theDemoSlideIsGeneratedOnceThenOpenedFromTheStartScreen(FxRobot robot) throws Exception {
        // Generation itself, on a small spec: a cancelled run leaves nothing, a finished one an openable slide.
        Path out = home.resolve("demo-small.tiff");
        var cancelled = DemoSlide.generate(out, SmearSpec.of(SmearClass.AML, 7, 4000, 3000), "test");
        cancelled.cancel(true);
        context.background().submit(cancelled);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, cancelled::isDone);
        assertThat(out).doesNotExist();
        var task = DemoSlide.generate(out, SmearSpec.of(SmearClass.AML, 7, 4000, 3000), "test");
        context.background().submit(task);
        assertThat(task.get(60, TimeUnit.SECONDS)).isEqualTo(out);
        assertThat(out).exists();

        // With the demo slide in the data folder, the start screen's button opens it.
        Files.createDirectories(context.paths().demoSlide().getParent());
        Files.copy(out, context.paths().demoSlide());
        robot.clickOn("#start-demo");
        waitUntil(30, () -> window.opened() != null);
        assertThat(fx(() -> window.opened().path())).isEqualTo(context.paths().demoSlide());
        assertThat(context.settings().get().recentSlides()).containsExactly(context.paths().demoSlide().toAbsolutePath().toString());
    }

    @Test
    void labelAndMacroImagesStayHiddenUnlessTurnedOn(FxRobot robot) throws Exception {
        Path svs = org.marrowscope.TestData.slide("CMU-1-Small-Region.svs");
        openSlide(svs);
        robot.clickOn("#tab-slide");
        assertThat(robot.lookup("#associated-thumbnail").tryQuery()).isPresent();
        assertThat(robot.lookup("#associated-label").tryQuery()).isEmpty();
        assertThat(robot.lookup("#associated-macro").tryQuery()).isEmpty();
        assertThat(robot.lookup("#properties-panel .label").queryAllAs(Label.class)).anyMatch(l -> l.getText()
                .contains("“label” is hidden: label and macro images can show patient identity"));

        context.settings().set(context.settings().get().withPreferences(null, home.resolve("results").toString(), "cpu", 64,
                true, 20));
        openSlide(svs);
        robot.clickOn("#tab-slide");
        assertThat(robot.lookup("#associated-label").tryQuery()).isPresent();
        waitUntil(10, () -> robot.lookup("#associated-label").queryAs(javafx.scene.image.ImageView.class).getImage() != null);
    }
}
