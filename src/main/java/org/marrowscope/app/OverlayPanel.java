package org.marrowscope.app;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marrowscope.viewer.FxImages;
import org.marrowscope.colour.SaliencyScale;
import org.marrowscope.viewer.Overlay;

/** One block per overlay: its toggle, its legend and its opacity. */
final class OverlayPanel extends VBox {

    private final FlowPane classLegend = new FlowPane(10, 4);

    OverlayPanel(Overlay scatter, Overlay saliency, Overlay outline) {
        getStyleClass().add("side-panel");
        setSpacing(16);
        setPadding(new Insets(14));
        Label note = new Label("Overlays appear once the slide has a result.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        getChildren().addAll(note,
                block(scatter, "overlay-scatter", "A dot at the centre of each of the ROIs, in its predicted class's colour.",
                        classLegend),
                block(saliency, "overlay-saliency", "ROI density × probability of the suggested diagnosis, normalised.",
                        colourBar()),
                block(outline, "overlay-outline", "The tile of the ROI selected in the ROI browser.", null));
    }

    void setClasses(List<String> classes) {
        classLegend.getChildren().clear();
        for (String c : classes) {
            Region chip = new Region();
            chip.getStyleClass().add("class-chip");
            chip.setStyle("-fx-background-color: " + ClassPalette.css(c, classes) + ";");
            HBox item = new HBox(5, chip, new Label(c));
            item.setAlignment(Pos.CENTER_LEFT);
            classLegend.getChildren().add(item);
        }
    }

    private static Node block(Overlay overlay, String id, String description, Node legend) {
        CheckBox toggle = new CheckBox(overlay.name());
        toggle.setId(id);
        toggle.selectedProperty().bindBidirectional(overlay.visibleProperty());
        toggle.getStyleClass().add("section-title");
        Label text = new Label(description);
        text.setWrapText(true);
        text.getStyleClass().add("muted");
        Slider opacity = new Slider(0.1, 1.0, overlay.opacityProperty().get());
        opacity.setId(id + "-opacity");
        opacity.valueProperty().bindBidirectional(overlay.opacityProperty());
        HBox opacityRow = new HBox(8, new Label("Opacity"), opacity);
        opacityRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, toggle, text);
        if (legend != null) {
            box.getChildren().add(legend);
        }
        box.getChildren().add(opacityRow);
        box.getStyleClass().add("overlay-block");
        return box;
    }

    /** The saliency colour bar, from the same colour map that paints the overlay. */
    static Node colourBar() {
        int w = 200;
        int h = 12;
        int[] argb = new int[w * h];
        for (int x = 0; x < w; x++) {
            int c = 0xFF000000 | SaliencyScale.rgb(x / (float) (w - 1));
            for (int y = 0; y < h; y++) {
                argb[y * w + x] = c;
            }
        }
        ImageView bar = new ImageView(FxImages.fromArgb(argb, w, h));
        Label low = new Label("0 (low)");
        Label high = new Label("1 (high)");
        low.getStyleClass().add("muted");
        high.getStyleClass().add("muted");
        BorderPane labels = new BorderPane();
        labels.setLeft(low);
        labels.setRight(high);
        labels.setMaxWidth(w);
        VBox box = new VBox(2, bar, labels);
        box.setId("saliency-colour-bar");
        return box;
    }
}
