package org.marrowscope.app;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marrowscope.model.GradCam;
import org.marrowscope.model.GradCamMap;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.RoiImages;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.slide.SlideException;
import org.marrowscope.viewer.FxImages;
import org.marrowscope.colour.SaliencyScale;

/**
 * The selected ROI large, as the models saw it, with its Grad-CAM: which classifier, which class, which layer
 * (penultimate or intermediate) and how opaque.
 */
final class RoiDetail extends VBox {

    static final int SIZE = 288;

    private final AppContext context;
    private final Function<ModelInfo, Optional<Path>> bundleOf;
    private final ImageView tile = new ImageView();
    private final ImageView cam = new ImageView();
    private final Label title = new Label();
    private final Label info = new Label();
    private final Label camInfo = new Label();
    private final CheckBox showCam = new CheckBox("Grad-CAM");
    private final ComboBox<String> classifier = new ComboBox<>();
    private final ComboBox<String> camClass = new ComboBox<>();
    private final ComboBox<GradCam.Layer> layer = new ComboBox<>();
    private final Slider opacity = new Slider(0, 1, 0.55);
    private ClassificationResult result;
    private RoiImages images;
    private RoiResult roi;
    /** The shown ROI's tile, read once from the open slide; Grad-CAM is computed from it, never from a reopened slide. */
    private CompletableFuture<BufferedImage> roiTile;
    private boolean updating;
    private int request;

    RoiDetail(AppContext context, Function<ModelInfo, Optional<Path>> bundleOf) {
        this.context = context;
        this.bundleOf = bundleOf;
        setId("roi-detail");
        getStyleClass().add("roi-detail");
        setSpacing(6);
        setPadding(new Insets(8, 10, 10, 10));
        tile.setFitWidth(SIZE);
        tile.setFitHeight(SIZE);
        tile.setPreserveRatio(true);
        tile.setId("roi-tile");
        cam.setFitWidth(SIZE);
        cam.setFitHeight(SIZE);
        cam.setPreserveRatio(true);
        cam.setId("roi-gradcam");
        cam.opacityProperty().bind(opacity.valueProperty());
        cam.visibleProperty().bind(showCam.selectedProperty());
        StackPane picture = new StackPane(tile, cam);
        picture.setMaxSize(SIZE, SIZE);
        picture.setMinSize(SIZE, SIZE);
        picture.getStyleClass().add("roi-picture");
        title.getStyleClass().add("section-title");
        info.getStyleClass().add("muted");
        info.setWrapText(true);
        camInfo.setWrapText(true);
        camInfo.setId("gradcam-info");
        showCam.setId("gradcam-toggle");
        showCam.setSelected(true);
        classifier.setId("gradcam-classifier");
        camClass.setId("gradcam-class");
        layer.setId("gradcam-layer");
        opacity.setId("gradcam-opacity");
        layer.getItems().setAll(GradCam.Layer.values());
        layer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(GradCam.Layer l) {
                return l == null ? "" : l == GradCam.Layer.PENULTIMATE ? "Penultimate (last feature map)" : "Intermediate";
            }

            @Override
            public GradCam.Layer fromString(String s) {
                return s.startsWith("Intermediate") ? GradCam.Layer.INTERMEDIATE : GradCam.Layer.PENULTIMATE;
            }
        });
        layer.setValue(GradCam.Layer.PENULTIMATE);
        classifier.valueProperty().addListener((o, a, b) -> recompute());
        camClass.valueProperty().addListener((o, a, b) -> recompute());
        layer.valueProperty().addListener((o, a, b) -> recompute());
        showCam.selectedProperty().addListener((o, a, b) -> recompute());
        GridPane controls = new GridPane();
        controls.setHgap(6);
        controls.setVgap(4);
        controls.addRow(0, new Label("Model"), classifier);
        controls.addRow(1, new Label("Class"), camClass);
        controls.addRow(2, new Label("Layer"), layer);
        controls.addRow(3, new Label("Opacity"), opacity);
        HBox camHeader = new HBox(8, showCam, OverlayPanel.colourBar());
        camHeader.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, picture, info, camHeader, controls, camInfo);
        clear();
    }

    void clear() {
        roi = null;
        tile.setImage(null);
        cam.setImage(null);
        title.setText("Pick a ROI to see it large with its Grad-CAM.");
        info.setText("");
        camInfo.setText("");
        camInfo.setGraphic(null);
        setDisable(true);
    }

    void setResult(ClassificationResult value, RoiImages source) {
        result = value;
        images = source;
        updating = true;
        classifier.getItems().setAll(value.classifiers().stream().map(m -> m.name() + " " + m.version()).toList());
        classifier.getSelectionModel().selectFirst();
        camClass.getItems().setAll(value.classes());
        updating = false;
    }

    void show(RoiResult value) {
        roi = value;
        setDisable(false);
        title.setText(String.format(Locale.ROOT, "ROI %d  ·  %s  ·  %.0f%% confidence", value.index() + 1, value.ensembleLabel(),
                100 * RoiFilter.confidence(result, value)));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "At (%,d, %,d), %,d px square; p(good) %.2f.",
                value.x(), value.y(), value.size(), value.quality()));
        for (int m = 0; m < result.classifiers().size(); m++) {
            text.append(String.format(Locale.ROOT, "  %s: %s", result.classifiers().get(m).name(), value.labels().get(m)));
        }
        info.setText(text.toString());
        tile.setImage(null);
        cam.setImage(null);
        RoiImages source = images;
        roiTile = CompletableFuture.supplyAsync(() -> {
            try {
                return source.read(value);
            } catch (SlideException e) {
                throw new CompletionException(e);
            }
        }, context.background());
        roiTile.whenComplete((image, error) -> {
            var fx = error == null ? FxImages.toFx(image) : null;
            Platform.runLater(() -> {
                if (error != null) {
                    camInfo.setGraphic(null);
                    camInfo.setText("The ROI could not be read: " + Dialogs.message(error));
                } else if (roi == value) {
                    tile.setImage(fx);
                }
            });
        });
        updating = true;
        camClass.setValue(value.ensembleLabel());
        updating = false;
        recompute();
    }

    GradCam.Layer layer() {
        return layer.getValue();
    }

    private void recompute() {
        if (updating || roi == null || result == null || !showCam.isSelected()) {
            return;
        }
        int model = Math.max(0, classifier.getSelectionModel().getSelectedIndex());
        ModelInfo info = result.classifiers().get(model);
        Optional<Path> bundle = bundleOf.apply(info);
        if (bundle.isEmpty()) {
            cam.setImage(null);
            camInfo.setGraphic(null);
            camInfo.setText("Grad-CAM needs the model " + info.name() + " " + info.version()
                    + ", which is not in the models folder any more.");
            return;
        }
        int classIndex = Math.max(0, result.classes().indexOf(camClass.getValue()));
        GradCam.Layer chosen = layer.getValue();
        int ticket = ++request;
        camInfo.setText("Computing Grad-CAM…");
        // Grad-CAM takes seconds on a CPU (after any queued run): a spinner says it is on its way.
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setId("gradcam-spinner");
        spinner.setPrefSize(18, 18);
        spinner.setMinSize(18, 18);
        camInfo.setGraphic(spinner);
        roiTile.thenCompose(image -> context.inference().gradCam(image, bundle.get(), classIndex, chosen, context.device()))
                .whenComplete((map, error) -> Platform.runLater(() -> {
                    if (ticket != request) {
                        return;
                    }
                    camInfo.setGraphic(null);
                    if (error != null) {
                        cam.setImage(null);
                        camInfo.setText("Grad-CAM failed: " + Dialogs.message(error));
                        return;
                    }
                    cam.setImage(heat(map));
                    camInfo.setText(String.format(Locale.ROOT, "%s at the %s layer: p(%s) = %.2f", info.name(),
                            chosen.name().toLowerCase(Locale.ROOT), map.className(), map.probability()));
                }));
    }

    static javafx.scene.image.Image heat(GradCamMap map) {
        float[] v = map.values();
        int[] argb = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            argb[i] = SaliencyScale.argb(v[i]);
        }
        return FxImages.fromArgb(argb, map.width(), map.height());
    }
}
