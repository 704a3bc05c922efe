package org.marrowscope.app;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;
import org.marrowscope.pipeline.RoiImages;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.slide.Slide;
import org.marrowscope.viewer.FxImages;

/**
 * The ROI gallery: filter by predicted class and by misclassified, sort by confidence; picking a ROI tells the
 * window (which centres the viewer on it) and shows it large with its Grad-CAM below.
 */
final class RoiBrowser extends BorderPane {

    static final int CELL = 104;
    // "Any class", not "All classes": the list below it holds ALL, the leukaemia, and the two read alike.
    private static final String ALL = "Any class";

    private final AppContext context;
    private final Consumer<RoiResult> onSelect;
    private final ComboBox<String> classFilter = new ComboBox<>();
    private final CheckBox misclassified = new CheckBox("Misclassified only");
    private final ComboBox<RoiFilter.Order> order = new ComboBox<>();
    private final Label count = new Label();
    private final GridView<RoiResult> grid = new GridView<>();
    private final RoiDetail detail;
    private final Map<Integer, Image> thumbnails = new ConcurrentHashMap<>();
    private final Set<Integer> loading = ConcurrentHashMap.newKeySet();
    private ClassificationResult result;
    private RoiImages images;
    private String reference;
    private RoiResult selected;
    private boolean redrawScheduled;

    RoiBrowser(AppContext context, RoiDetail detail, Consumer<RoiResult> onSelect) {
        this.context = context;
        this.detail = detail;
        this.onSelect = onSelect;
        getStyleClass().add("side-panel");
        setId("roi-browser");
        classFilter.setId("roi-class-filter");
        misclassified.setId("roi-misclassified");
        order.setId("roi-order");
        order.getItems().setAll(RoiFilter.Order.values());
        order.setValue(RoiFilter.Order.CONFIDENCE_HIGH_FIRST);
        classFilter.valueProperty().addListener((o, a, b) -> refresh());
        misclassified.selectedProperty().addListener((o, a, b) -> refresh());
        order.valueProperty().addListener((o, a, b) -> refresh());
        count.getStyleClass().add("muted");
        count.setId("roi-count");
        FlowPane filters = new FlowPane(8, 6, classFilter, misclassified, order, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(10, 10, 6, 10));
        setTop(filters);
        grid.setId("roi-grid");
        grid.setCellWidth(CELL);
        grid.setCellHeight(CELL + 18);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new RoiCell());
        grid.setMinHeight(120);
        javafx.scene.control.ScrollPane detailScroll = new javafx.scene.control.ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setMinHeight(120);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(grid, detailScroll);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setCenter(split);
        clear();
    }

    void clear() {
        result = null;
        reference = null;
        images = null;
        selected = null;
        thumbnails.clear();
        loading.clear();
        grid.getItems().clear();
        classFilter.getItems().setAll(ALL);
        classFilter.setValue(ALL);
        count.setText("No ROIs: classify the slide first.");
        detail.clear();
    }

    void show(Slide slide, ClassificationResult value, String pathologist) {
        clear();
        result = value;
        reference = pathologist;
        if (!value.classifiable()) {
            count.setText("Not classifiable: no ROIs.");
            return;
        }
        images = new RoiImages(slide, value.parameters());
        classFilter.getItems().setAll(ALL);
        classFilter.getItems().addAll(value.classes());
        classFilter.setValue(ALL);
        detail.setResult(value, images);
        refresh();
    }

    void setReference(String value) {
        reference = value;
        refresh();
    }

    List<RoiResult> shown() {
        return List.copyOf(grid.getItems());
    }

    RoiResult selected() {
        return selected;
    }

    void select(RoiResult roi) {
        selected = roi;
        redrawSoon();
        detail.show(roi);
        onSelect.accept(roi);
    }

    /** N and P: the next (1) or previous (-1) ROI of the filtered, sorted list from the selected one, wrapping round. */
    void step(int delta) {
        List<RoiResult> list = grid.getItems();
        if (list.isEmpty()) {
            return;
        }
        int i = selected == null ? -1 : list.indexOf(selected);
        select(list.get(i < 0 ? (delta > 0 ? 0 : list.size() - 1) : Math.floorMod(i + delta, list.size())));
    }

    private void refresh() {
        if (result == null || !result.classifiable()) {
            return;
        }
        String c = classFilter.getValue();
        RoiFilter filter = new RoiFilter(c == null || ALL.equals(c) ? null : c, misclassified.isSelected(), reference,
                order.getValue() == null ? RoiFilter.Order.CONFIDENCE_HIGH_FIRST : order.getValue());
        List<RoiResult> list = filter.apply(result);
        grid.getItems().setAll(list);
        String against = reference != null ? "the pathologist's " + reference : "the suggested " + result.diagnosis();
        count.setText(list.size() + " of " + result.rois().size() + " ROIs" + (misclassified.isSelected() ? " (not " + against + ")" : ""));
    }

    /** Many thumbnails arrive together: one redraw of the grid for all of them. */
    private void redrawSoon() {
        if (!redrawScheduled) {
            redrawScheduled = true;
            Platform.runLater(() -> {
                redrawScheduled = false;
                grid.getItems().setAll(List.copyOf(grid.getItems()));
            });
        }
    }

    private void requestThumbnail(RoiResult roi) {
        RoiImages source = images;
        ClassificationResult forResult = result;
        if (source == null || !loading.add(roi.index())) {
            return;
        }
        context.background().submit(() -> {
            try {
                BufferedImage tile = Thumbnails.fit(source.read(roi), CELL);
                Image fx = FxImages.toFx(tile);
                Platform.runLater(() -> {
                    if (result == forResult) {
                        thumbnails.put(roi.index(), fx);
                        redrawSoon();
                    }
                });
            } catch (Exception e) {
                // The slide closed under the read, or a tile failed: the cell keeps its placeholder.
                loading.remove(roi.index());
            }
        });
    }

    private final class RoiCell extends GridCell<RoiResult> {
        private final ImageView image = new ImageView();
        private final Label caption = new Label();
        private final VBox box;

        RoiCell() {
            image.setFitWidth(CELL);
            image.setFitHeight(CELL);
            image.setPreserveRatio(true);
            StackPane frame = new StackPane(image);
            frame.setPrefSize(CELL, CELL);
            frame.getStyleClass().add("roi-frame");
            caption.getStyleClass().add("roi-caption");
            caption.setMaxWidth(Double.MAX_VALUE);
            box = new VBox(frame, caption);
            setOnMouseClicked(e -> {
                if (getItem() != null) {
                    select(getItem());
                }
            });
        }

        @Override
        protected void updateItem(RoiResult roi, boolean empty) {
            super.updateItem(roi, empty);
            getStyleClass().remove("roi-selected");
            if (empty || roi == null) {
                setGraphic(null);
                return;
            }
            Image thumb = thumbnails.get(roi.index());
            image.setImage(thumb);
            if (thumb == null) {
                requestThumbnail(roi);
            }
            caption.setText(String.format(Locale.ROOT, "%s  %.0f%%", roi.ensembleLabel(), 100 * RoiFilter.confidence(result, roi)));
            caption.setStyle("-fx-border-color: transparent transparent transparent "
                    + ClassPalette.css(roi.ensembleLabel(), result.classes()) + "; -fx-border-width: 0 0 0 6;");
            if (selected != null && selected.index() == roi.index()) {
                getStyleClass().add("roi-selected");
            }
            setGraphic(box);
        }
    }
}
