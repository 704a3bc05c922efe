package org.marrowscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marrowscope.slide.AssociatedImage;
import org.marrowscope.slide.IdentifyingProperties;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideLevel;
import org.marrowscope.viewer.FxImages;

/**
 * The slide's properties. Label and macro images can show the patient's name or number, so they stay hidden
 * unless the user turned them on in Settings; the panel says they exist and why they are hidden. Properties that
 * may identify a patient are hidden by the rule {@code info} uses ({@link IdentifyingProperties}) until the user ticks
 * "Show identifying properties" for the slide on screen.
 */
final class PropertiesPanel extends VBox {

    private final AppContext context;
    private final Label summary = new Label();
    private final VBox associated = new VBox(6);
    private final TableView<Map.Entry<String, String>> table = new TableView<>();
    private final CheckBox showIdentifying = new CheckBox("Show identifying properties");
    private Slide shown;

    /** What a hidden value reads in the table. */
    static final String HIDDEN = "[hidden: may identify the patient; tick “Show identifying properties”]";

    PropertiesPanel(AppContext context) {
        this.context = context;
        getStyleClass().add("side-panel");
        setId("properties-panel");
        setSpacing(10);
        setPadding(new Insets(12));
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        TableColumn<Map.Entry<String, String>, String> key = new TableColumn<>("Property");
        key.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getKey()));
        key.setPrefWidth(170);
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getValue()));
        value.setPrefWidth(260);
        table.getColumns().add(key);
        table.getColumns().add(value);
        table.setId("properties-table");
        table.setMinHeight(160);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label props = new Label("All properties");
        props.getStyleClass().add("section-title");
        Label assoc = new Label("Associated images");
        assoc.getStyleClass().add("section-title");
        showIdentifying.setId("properties-show-identifying");
        showIdentifying.selectedProperty().addListener((o, was, now) -> fillTable());
        getChildren().addAll(summary, assoc, associated, props, showIdentifying, table);
    }

    private void fillTable() {
        if (shown == null) {
            table.getItems().clear();
            return;
        }
        Map<String, String> properties = showIdentifying.isSelected() ? shown.properties()
                : IdentifyingProperties.hide(shown.properties(), HIDDEN);
        table.getItems().setAll(new ArrayList<>(properties.entrySet()));
    }

    void clear() {
        summary.setText("");
        associated.getChildren().clear();
        shown = null;
        showIdentifying.setSelected(false);
        table.getItems().clear();
    }

    void show(Slide slide) {
        List<String> lines = new ArrayList<>();
        lines.add(slide.path().getFileName() + "  (" + slide.format() + ")");
        lines.add(String.format(Locale.ROOT, "%,d x %,d pixels, %d level%s", slide.width(), slide.height(), slide.levelCount(),
                slide.levelCount() == 1 ? "" : "s"));
        slide.micronsPerPixel().ifPresentOrElse(m -> lines.add(String.format(Locale.ROOT,
                "%.4f µm per pixel (%s); %.1f x %.1f mm", m.x(), m.source(), slide.width() * m.x() / 1000,
                slide.height() * m.y() / 1000)), () -> lines.add("Pixel size not stated by the file."));
        slide.objectivePower().ifPresent(p -> lines.add(String.format(Locale.ROOT, "Objective %.0fx", p)));
        StringBuilder levels = new StringBuilder("Levels:");
        for (SlideLevel l : slide.levels()) {
            levels.append(String.format(Locale.ROOT, "  %d: %,d x %,d (÷%.0f)", l.index(), l.width(), l.height(), l.downsample()));
        }
        lines.add(levels.toString());
        summary.setText(String.join("\n", lines));
        if (slide != shown) {
            // Another slide: its identifying properties are hidden again until asked for.
            showIdentifying.setSelected(false);
        }
        shown = slide;
        fillTable();
        associated.getChildren().clear();
        boolean allowed = context.settings().get().showAssociatedImages();
        if (slide.associatedImages().isEmpty()) {
            associated.getChildren().add(muted("None."));
        }
        for (AssociatedImage image : slide.associatedImages()) {
            if (image.possiblyIdentifying() && !allowed) {
                associated.getChildren().add(muted("“" + image.name() + "” is hidden: label and macro images can show patient"
                        + " identity. Turn them on in Settings if you need them."));
                continue;
            }
            Label name = new Label(image.name() + String.format(Locale.ROOT, " (%d x %d)", image.width(), image.height()));
            ImageView view = new ImageView();
            view.setFitWidth(160);
            view.setFitHeight(160);
            view.setPreserveRatio(true);
            view.setId("associated-" + image.name());
            associated.getChildren().addAll(name, view);
            context.background().submit(() -> {
                try {
                    var fx = FxImages.toFx(Thumbnails.fit(slide.readAssociatedImage(image.name()), 480));
                    Platform.runLater(() -> view.setImage(fx));
                } catch (Exception e) {
                    Platform.runLater(() -> name.setText(image.name() + ": cannot be read (" + Dialogs.message(e) + ")"));
                }
            });
        }
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("muted");
        return l;
    }
}
