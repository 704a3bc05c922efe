package org.marrowscope.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.service.ClassificationOutcome;
import org.marrowscope.slide.SlideException;
import org.marrowscope.viewer.Navigator;
import org.marrowscope.viewer.RoiOutlineOverlay;
import org.marrowscope.viewer.RoiScatterOverlay;
import org.marrowscope.viewer.SaliencyOverlay;
import org.marrowscope.viewer.ScaleBar;
import org.marrowscope.viewer.SlideView;

/**
 * The main window: the deep-zoom view with its navigator and scale bar, the side panels (result, ROIs,
 * overlays, models, slide), the Classify progress strip and the status bar. A thin layer: slides open and
 * results load off the FX thread; classification runs in the inference service.
 */
public final class MainWindow {

    private final Stage stage;
    private final AppContext context;
    private final String software;
    private final SlideView view = new SlideView();
    private final Navigator navigator = new Navigator(view);
    private final ScaleBar scaleBar = new ScaleBar(view);
    private final StatusBar status = new StatusBar(view);
    private final RoiScatterOverlay scatter = new RoiScatterOverlay();
    private final SaliencyOverlay saliency = new SaliencyOverlay();
    private final RoiOutlineOverlay outline = new RoiOutlineOverlay();
    private final ModelPanel models;
    private final ClassifyController classify;
    private final ResultPanel resultPanel;
    private final RoiBrowser roiBrowser;
    private final OverlayPanel overlayPanel;
    private final PropertiesPanel properties;
    private final StartPane start;
    private final TabPane side = new TabPane();
    private final StackPane centre = new StackPane();
    private final MainToolbar toolbar;
    private final SlideOpener opener;
    private final RoiPicker picker;
    private OpenedSlide opened;
    private ClassificationResult result;
    private String reference;

    public MainWindow(Stage stage, AppContext context, String software) {
        this.stage = stage;
        this.context = context;
        this.software = software;
        view.overlays().addAll(saliency, scatter, outline);
        view.setTileErrors((key, error) -> status.setMessage("A tile could not be read: " + Dialogs.message(error)));
        models = new ModelPanel(context);
        resultPanel = new ResultPanel(this::setReference, this::exportReport, this::rerun);
        classify = new ClassifyController(context, models, () -> stage, this::classified, resultPanel);
        roiBrowser = new RoiBrowser(context, new RoiDetail(context, info -> models.bundleOf(info)), this::roiSelected);
        overlayPanel = new OverlayPanel(scatter, saliency, outline);
        properties = new PropertiesPanel(context);
        opener = new SlideOpener(context);
        picker = RoiPicker.install(view, () -> result, scatter, roi -> {
            side.getSelectionModel().select(1);
            roiBrowser.select(roi);
        });
        start = new StartPane(this::openDialog, this::openDemo, DemoSlide.exists(context.paths()), this::open);
        toolbar = new MainToolbar(this);
        stage.setScene(new Scene(layout(), 1400, 900));
        stage.getScene().getStylesheets().add(MainWindow.class.getResource("marrowscope.css").toExternalForm());
        SceneInput.install(stage.getScene(), view, this::open);
        WindowPlacement.restore(stage, context.settings());
        stage.setOnCloseRequest(e -> shutdown());
        Icons.applyAppIcon(stage);
        updateTitle();
        start.setRecent(context.settings().get().recentSlides());
        models.rescan();
    }

    private BorderPane layout() {
        StackPane.setAlignment(navigator, Pos.TOP_RIGHT);
        StackPane.setMargin(navigator, new Insets(12));
        StackPane.setAlignment(scaleBar, Pos.BOTTOM_LEFT);
        StackPane.setMargin(scaleBar, new Insets(12));
        centre.getStyleClass().add("viewer-area");
        centre.getChildren().setAll(start);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setPrefWidth(430);
        side.setMinWidth(340);
        side.setId("side-tabs");
        side.getTabs().addAll(tab("Result", resultPanel), tab("ROIs", roiBrowser), tab("Overlays", overlayPanel),
                tab("Models", models), tab("Slide", properties));
        side.setDisable(true);
        BorderPane root = new BorderPane(centre);
        root.setTop(toolbar);
        root.setRight(side);
        root.setBottom(new VBox(classify.strip(), status));
        root.getStyleClass().add("main-window");
        return root;
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId("tab-" + name.toLowerCase());
        return t;
    }

    // ---- slides ------------------------------------------------------------------------------------------

    void openDialog() {
        SlideOpener.choose(stage, context.settings().get().recentSlides()).ifPresent(this::open);
    }

    void openDemo() {
        if (DemoSlide.exists(context.paths())) {
            open(context.paths().demoSlide());
            return;
        }
        DemoDialog.run(stage, DemoSlide.generate(context.paths(), software), context.background(), this::open);
    }

    /**
     * Opens a slide in the background. The slide shown stays, with its result, diagnosis, filters and overlays, until
     * the new one has opened; only then is it replaced, all at once. A failed open changes nothing but says why. When
     * opens overlap, the last one asked for wins and an earlier one that finishes later is closed unseen.
     *
     * @return completes on the FX thread once the slide is shown or the failure reported
     */
    public CompletableFuture<Void> open(Path path) {
        status.setMessage("Opening " + path.getFileName() + "…" + (opened == null ? "" : "  (" + opened.path().getFileName()
                + " stays open until it has opened)"));
        return opener.open(path, context.resultsFolder(), this::replaceWith, error -> openFailed(path, error));
    }

    private void openFailed(Path path, Throwable cause) {
        status.setMessage(opened == null ? "No slide open" : slideLine(opened));
        if (cause instanceof SlideException se && se.kind() == SlideException.Kind.NOT_FOUND) {
            context.settings().set(context.settings().get().withoutRecent(path.toAbsolutePath().toString()));
            start.setRecent(context.settings().get().recentSlides());
        }
        Dialogs.failure(stage, opened == null ? "The slide could not be opened"
                : "The slide could not be opened; " + opened.path().getFileName() + " stays open", cause);
    }

    private void replaceWith(OpenedSlide slide) {
        release();
        opened = slide;
        reference = slide.notes().pathologistDiagnosis();
        // Pixel size first: the view's first transform of the new slide must meet the new scale, never the old one.
        scaleBar.setMicronsPerPixel(slide.slide().micronsPerPixel());
        status.setSlide(slide.slide().micronsPerPixel(), slide.slide().objectivePower());
        view.show(slide.slide(), slide.thumbnail(), context.tileCacheBytes(), Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4));
        centre.getChildren().setAll(view, navigator, scaleBar);
        navigator.refresh();
        status.setMessage(slideLine(slide));
        properties.show(slide.slide());
        side.setDisable(false);
        context.settings().set(context.settings().get().withRecent(slide.path().toAbsolutePath().toString()));
        start.setRecent(context.settings().get().recentSlides());
        updateTitle();
        toolbar.slideOpen(true);
        slide.savedResult().ifPresentOrElse(r -> showResult(r, slide.savedResultFile(), true), () -> resultPanel.empty(slide.savedResultProblem() != null
                ? slide.savedResultProblem() : "No result yet. Click Classify (Ctrl+R) to run the two-stage pipeline on this slide."));
        view.requestFocus();
    }

    private static String slideLine(OpenedSlide slide) {
        return slide.path().getFileName() + "  ·  " + String.format("%,d x %,d px", slide.slide().width(), slide.slide().height());
    }

    /** Closes the open slide, cancelling its run (and any open still under way); the file is released in the background. */
    public void closeSlide() {
        opener.forget();
        if (opened == null) {
            return;
        }
        release();
        centre.getChildren().setAll(start);
        side.setDisable(true);
        toolbar.slideOpen(false);
        status.setMessage("No slide open");
        updateTitle();
    }

    /** Forgets everything that belonged to the open slide, so nothing of it can show with the next one. */
    private void release() {
        if (opened == null) {
            return;
        }
        classify.abandon();
        OpenedSlide closing = opened;
        opened = null;
        result = null;
        reference = null;
        roiBrowser.clear();
        scatter.setPoints(List.of());
        saliency.clear();
        outline.clear();
        view.clear();
        navigator.refresh();
        properties.clear();
        resultPanel.empty("");
        context.background().submit(() -> closing.slide().close());
    }

    // ---- classification ----------------------------------------------------------------------------------

    public void classify() {
        if (opened != null) {
            classify.start(opened.path(), true);
        }
    }

    /** Classifies again, never reusing the saved result. */
    void rerun() {
        if (opened != null) {
            classify.start(opened.path(), false);
        }
    }

    private void classified(ClassificationOutcome outcome) {
        // Results record only the slide's file name (privacy), so the open slide is matched by where its result goes.
        if (opened != null && outcome.savedTo() != null && outcome.savedTo().toAbsolutePath().normalize().equals(
                new org.marrowscope.pipeline.result.ResultStore(context.resultsFolder()).location(opened.path())
                        .toAbsolutePath().normalize())) {
            showResult(outcome.result(), outcome.savedTo(), outcome.reused());
            side.getSelectionModel().select(0);
        }
    }

    private void showResult(ClassificationResult value, Path savedTo, boolean reused) {
        result = value;
        Path location = savedTo != null ? savedTo
                : new org.marrowscope.pipeline.result.ResultStore(context.resultsFolder()).location(opened.path());
        resultPanel.show(value, location, reused, reference);
        roiBrowser.show(opened.slide(), value, reference);
        overlayPanel.setClasses(value.classes());
        outline.clear();
        scatter.setPoints(value.rois().stream().map(r -> new RoiScatterOverlay.Point(r.x(), r.y(), r.size(),
                ClassPalette.of(r.ensembleLabel(), value.classes()))).toList());
        scatter.visibleProperty().set(value.classifiable());
        saliency.clear();
        if (value.classifiable()) {
            SaliencyRaster.compute(value, context.background()).thenAccept(image -> Platform.runLater(() -> {
                if (result == value) {
                    saliency.setHeat(image, value.slide().width(), value.slide().height());
                    view.requestPaint();
                }
            }));
        }
        view.requestPaint();
    }

    private void setReference(String value) {
        if (opened == null) {
            return;
        }
        reference = value;
        roiBrowser.setReference(value);
        Path slide = opened.path();
        Path results = context.resultsFolder();
        context.background().submit(() -> {
            try {
                CaseNotes.save(slide, results, value);
            } catch (IOException e) {
                Platform.runLater(() -> Dialogs.failure(stage, "The pathologist's diagnosis could not be saved", e));
            }
        });
    }

    void exportReport() {
        if (opened != null && result != null) {
            Path resultFile = new org.marrowscope.pipeline.result.ResultStore(context.resultsFolder()).location(opened.path());
            ReportExport.ask(stage, context, opened.path(), result, resultFile, reference,
                    file -> status.setMessage("Report written to " + file));
        }
    }

    private void roiSelected(RoiResult roi) {
        outline.select(roi.x(), roi.y(), roi.size(), ClassPalette.of(roi.ensembleLabel(), result.classes()));
        outline.visibleProperty().set(true);
        double wanted = 0.45 * Math.min(view.getWidth(), view.getHeight()) / roi.size();
        double scale = view.transform() != null && view.transform().scale() >= wanted ? -1 : wanted;
        view.centreOn(roi.centreX(), roi.centreY(), scale);
    }

    // ---- other windows -----------------------------------------------------------------------------------

    void openSettings() {
        SettingsDialog.ask(stage, context.settings().get(), System.getProperty(AppContext.MODELS_PROPERTY),
                context.paths().resultsFolder()).ifPresent(s -> {
            context.settings().set(s);
            context.applySignaturePolicy();
            view.setCacheCapacity(context.tileCacheBytes());
            models.rescan();
            if (opened != null) {
                properties.show(opened.slide());
            }
        });
    }

    void openWorklistDialog() {
        WorklistWindow.choose(stage).ifPresent(this::openWorklist);
    }

    /** A folder of slides as a worklist; double-click opens a slide here. */
    WorklistWindow openWorklist(Path folder) {
        return WorklistWindow.show(stage, context, models, folder, this::open);
    }

    void openTileReview() {
        if (opened != null) {
            TileReviewWindow.openFor(stage, context, models, opened.slide());
        }
    }

    private void updateTitle() {
        stage.setTitle(opened == null ? "MarrowScope" : opened.path().getFileName() + " — MarrowScope");
    }

    /** Remembers the window, cancels any run and releases the slide. */
    void shutdown() {
        WindowPlacement.save(stage, context.settings());
        closeSlide();
    }

    // ---- for the toolbar and the tests -------------------------------------------------------------------

    Stage stage() {
        return stage;
    }

    SlideView view() {
        return view;
    }

    RoiScatterOverlay scatter() {
        return scatter;
    }

    SaliencyOverlay saliency() {
        return saliency;
    }

    RoiOutlineOverlay outline() {
        return outline;
    }

    RoiBrowser roiBrowser() {
        return roiBrowser;
    }

    ModelPanel models() {
        return models;
    }

    ClassifyController classifier() {
        return classify;
    }

    ResultPanel resultPanel() {
        return resultPanel;
    }

    TabPane side() {
        return side;
    }

    RoiPicker picker() {
        return picker;
    }

    ScaleBar scaleBar() {
        return scaleBar;
    }

    StatusBar status() {
        return status;
    }

    ClassificationResult result() {
        return result;
    }

    OpenedSlide opened() {
        return opened;
    }
}
