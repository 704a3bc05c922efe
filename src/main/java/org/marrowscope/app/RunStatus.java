package org.marrowscope.app;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.marrowscope.pipeline.Progress;

/**
 * The Result tab's status while a run goes: "Classifying… elapsed · ETA" and the stage, ticking every second on its
 * own clock so the elapsed time moves even while a stage reports nothing.
 */
final class RunStatus extends VBox {

    private final Label headline = new Label();
    private final Label stage = new Label();
    private final Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
    private String slide = "";
    private long startedNanos;
    private Progress last;

    RunStatus() {
        super(4);
        setId("run-status");
        headline.setId("run-status-text");
        headline.setWrapText(true);
        headline.getStyleClass().add("strong");
        stage.setId("run-status-stage");
        stage.setWrapText(true);
        stage.getStyleClass().add("muted");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.setMinSize(22, 22);
        HBox line = new HBox(10, spinner, headline);
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(line, stage);
        tick.setCycleCount(Animation.INDEFINITE);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    void start(String slideName) {
        slide = slideName;
        startedNanos = System.nanoTime();
        last = null;
        stage.setText("Starting…");
        refresh();
        setVisible(true);
        tick.playFromStart();
    }

    void progress(Progress p) {
        last = p;
        stage.setText(p.stage().label());
        refresh();
    }

    void stop() {
        tick.stop();
        setVisible(false);
    }

    String text() {
        return headline.getText() + " / " + stage.getText();
    }

    private void refresh() {
        headline.setText(RunEta.text(slide, (System.nanoTime() - startedNanos) / 1e9, last));
    }
}
