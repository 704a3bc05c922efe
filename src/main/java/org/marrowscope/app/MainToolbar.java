package org.marrowscope.app;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.HBox;
import org.marrowscope.viewer.Overlay;

/** The toolbar, and the keyboard shortcuts of its actions. */
final class MainToolbar extends ToolBar {

    private final BooleanProperty noSlide = new SimpleBooleanProperty(true);

    MainToolbar(MainWindow window) {
        getStyleClass().add("main-toolbar");
        Button open = button("open", "Open", "mdi2f-folder-open-outline", "Open a slide (Ctrl+O)", window::openDialog);
        Button close = button("close", null, "mdi2c-close", "Close the slide (Ctrl+W)", window::closeSlide);
        Button classify = button("classify", "Classify", "mdi2p-play-circle-outline",
                "Run the two-stage pipeline on this slide (Ctrl+R)", window::classify);
        classify.getStyleClass().add("primary");
        classify.disableProperty().bind(noSlide.or(window.classifier().runningProperty()));
        Button fit = button("fit", null, "mdi2f-fit-to-page-outline", "Fit the slide to the window (0)", () -> window.view().fit());
        Button zoomOut = button("zoom-out", null, "mdi2m-magnify-minus-outline", "Zoom out (-)", () -> window.view().zoomBy(0.5));
        Button zoomIn = button("zoom-in", null, "mdi2m-magnify-plus-outline", "Zoom in (+)", () -> window.view().zoomBy(2));
        ToggleButton rois = toggle("toggle-scatter", "ROIs", "mdi2s-scatter-plot-outline", "ROI scatter (Ctrl+1)", window.scatter());
        ToggleButton heat = toggle("toggle-saliency", "Saliency", "mdi2f-fire", "Saliency map (Ctrl+2)", window.saliency());
        ToggleButton tile = toggle("toggle-outline", "Outline", "mdi2s-square-outline", "Selected ROI outline (Ctrl+3)",
                window.outline());
        Button review = button("tile-review", "Tile review", "mdi2c-checkbox-multiple-marked-outline",
                "Label sampled tiles good or poor for the quality model (Ctrl+T)", window::openTileReview);
        Button worklist = button("worklist", "Worklist", "mdi2f-format-list-checks",
                "Open a folder of slides as a worklist and classify them all (Ctrl+L)", window::openWorklistDialog);
        Button settings = button("settings", null, "mdi2c-cog-outline", "Settings (Ctrl+,)", window::openSettings);
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getItems().addAll(open, close, new Separator(), classify, new Separator(), fit, zoomOut, zoomIn, new Separator(), rois,
                heat, tile, new Separator(), review, worklist, spring, settings);
        for (Node n : List.of(close, fit, zoomOut, zoomIn, rois, heat, tile, review)) {
            n.disableProperty().bind(noSlide);
        }
        Platform.runLater(() -> accelerators(window));
    }

    private void accelerators(MainWindow window) {
        var map = window.stage().getScene().getAccelerators();
        map.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), window::openDialog);
        map.put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), window::closeSlide);
        map.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), window::classify);
        map.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), window::openTileReview);
        map.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), window::openWorklistDialog);
        map.put(new KeyCodeCombination(KeyCode.N), () -> window.roiBrowser().step(1));
        map.put(new KeyCodeCombination(KeyCode.P), () -> window.roiBrowser().step(-1));
        map.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), window::openSettings);
        map.put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            window.shutdown();
            window.stage().close();
        });
        map.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> flip(window.scatter()));
        map.put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> flip(window.saliency()));
        map.put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> flip(window.outline()));
    }

    private static void flip(Overlay overlay) {
        overlay.visibleProperty().set(!overlay.visibleProperty().get());
    }

    void slideOpen(boolean open) {
        noSlide.set(!open);
    }

    private static Button button(String id, String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static ToggleButton toggle(String id, String text, String icon, String tip, Overlay overlay) {
        ToggleButton b = new ToggleButton(text, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.selectedProperty().bindBidirectional(overlay.visibleProperty());
        b.setFocusTraversable(false);
        return b;
    }
}
