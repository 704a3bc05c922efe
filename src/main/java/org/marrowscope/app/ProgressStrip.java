package org.marrowscope.app;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.Stage;

/** The running classification: stage, a progress bar, tiles per second, the device, and Cancel. */
final class ProgressStrip extends HBox {

    private final Label stage = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label detail = new Label();
    private final Button cancel = new Button("Cancel", Icons.of("mdi2c-close-circle-outline"));

    ProgressStrip(Runnable onCancel) {
        getStyleClass().add("progress-strip");
        setId("progress-strip");
        setSpacing(12);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        stage.getStyleClass().add("progress-stage");
        stage.setId("progress-stage");
        bar.setPrefWidth(320);
        bar.setId("progress-bar");
        detail.setId("progress-detail");
        detail.getStyleClass().add("muted");
        HBox.setHgrow(detail, Priority.ALWAYS);
        detail.setMaxWidth(Double.MAX_VALUE);
        cancel.setId("cancel-classify");
        cancel.setOnAction(e -> onCancel.run());
        getChildren().addAll(stage, bar, detail, cancel);
        hideStrip();
    }

    void starting(String slideName) {
        stage.setText("Classifying " + slideName);
        detail.setText("Starting…");
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        cancel.setDisable(false);
        setVisible(true);
        setManaged(true);
    }

    void show(Progress p) {
        stage.setText(p.stage().label());
        boolean known = p.total() > 0 && p.stage() != Stage.LOADING_MODELS && p.stage() != Stage.SAVING;
        bar.setProgress(known ? Math.min(1.0, (double) p.done() / p.total()) : ProgressBar.INDETERMINATE_PROGRESS);
        StringBuilder text = new StringBuilder();
        if (p.stage() == Stage.QUALITY || p.stage() == Stage.CLASSIFICATION) {
            String unit = p.stage() == Stage.QUALITY ? "tiles assessed" : "ROIs classified";
            text.append(String.format(Locale.ROOT, "%,d of %s%,d %s", p.done(), p.stage() == Stage.QUALITY ? "at most " : "",
                    p.total(), unit));
            if (p.tilesPerSecond() > 0) {
                text.append(String.format(Locale.ROOT, "  ·  %.1f tiles/s", p.tilesPerSecond()));
            }
        }
        if (p.device() != null && !p.device().isBlank() && !"starting".equals(p.device())) {
            text.append(text.isEmpty() ? "" : "  ·  ").append("device: ").append(p.device());
        }
        detail.setText(text.toString());
    }

    void waitingForCancelledRun() {
        detail.setText("Waiting for the cancelled run to stop…");
    }

    void cancelling() {
        stage.setText("Cancelling…");
        cancel.setDisable(true);
    }

    void hideStrip() {
        setVisible(false);
        setManaged(false);
    }
}
