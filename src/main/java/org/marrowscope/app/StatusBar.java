package org.marrowscope.app;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.marrowscope.slide.MicronsPerPixel;
import org.marrowscope.viewer.Magnification;
import org.marrowscope.viewer.SlideView;
import org.marrowscope.viewer.ViewTransform;

/** The bottom line: what is open, the coordinates under the cursor, the magnification, the tile cache. */
final class StatusBar extends HBox {

    private final Label message = new Label("No slide open");
    private final Label coordinates = new Label();
    private final Label magnification = new Label();
    private final Label cache = new Label();
    private final SlideView view;
    private Optional<MicronsPerPixel> mpp = Optional.empty();
    private Optional<Double> objective = Optional.empty();

    StatusBar(SlideView view) {
        this.view = view;
        getStyleClass().add("status-bar");
        setSpacing(18);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));
        coordinates.setId("status-coordinates");
        magnification.setId("status-magnification");
        cache.setId("status-cache");
        message.setId("status-message");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(message, spring, coordinates, magnification, cache);
        view.pointerProperty().addListener((o, a, p) -> showPointer(p));
        view.transformProperty().addListener((o, a, t) -> showTransform(t));
        // Tiles arrive without the view moving: the cache figure is refreshed on its own clock.
        javafx.animation.Timeline tick = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> showTransform(view.transform())));
        tick.setCycleCount(javafx.animation.Animation.INDEFINITE);
        tick.play();
    }

    void setSlide(Optional<MicronsPerPixel> pixelSize, Optional<Double> objectivePower) {
        mpp = pixelSize;
        objective = objectivePower;
        // The new slide's first transform can come before its pixel size: show its magnification now, not at the next zoom.
        showTransform(view.transform());
    }

    void setMessage(String text) {
        message.setText(text);
    }

    String magnificationText() {
        return magnification.getText();
    }

    private void showPointer(Point2D p) {
        if (p == null || view.slide() == null || p.getX() < 0 || p.getY() < 0 || p.getX() >= view.slide().width()
                || p.getY() >= view.slide().height()) {
            coordinates.setText("");
            return;
        }
        String px = String.format(Locale.ROOT, "x %,d  y %,d px", (long) p.getX(), (long) p.getY());
        coordinates.setText(mpp.map(m -> px + String.format(Locale.ROOT, "  (%.3f, %.3f mm)", p.getX() * m.x() / 1000,
                p.getY() * m.y() / 1000)).orElse(px));
    }

    private void showTransform(ViewTransform t) {
        if (t == null) {
            magnification.setText("");
            cache.setText("");
            return;
        }
        magnification.setText(Magnification.at(t.scale(), objective, mpp.map(MicronsPerPixel::mean))
                .map(m -> "Magnification " + Magnification.format(m))
                .orElse(String.format(Locale.ROOT, "Zoom %.0f%%", t.scale() * 100)));
        if (view.cache() != null) {
            cache.setText(String.format(Locale.ROOT, "Tile cache %d / %d MB", view.cache().sizeBytes() >> 20,
                    view.cache().capacityBytes() >> 20));
        }
    }
}
