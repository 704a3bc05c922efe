package org.marrowscope.viewer;

import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marrowscope.slide.MicronsPerPixel;

/** A scale bar in micrometres that follows the zoom; hidden for slides that do not state their pixel size. */
public final class ScaleBar extends VBox {

    /** The widest the bar is drawn, in screen pixels. */
    public static final double MAX_WIDTH = 160;

    private final Region bar = new Region();
    private final Label label = new Label();
    private Optional<MicronsPerPixel> mpp = Optional.empty();

    private final SlideView view;

    public ScaleBar(SlideView view) {
        this.view = view;
        getStyleClass().add("scale-bar");
        bar.getStyleClass().add("scale-bar-line");
        label.getStyleClass().add("scale-bar-label");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(2);
        getChildren().addAll(label, bar);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        view.transformProperty().addListener((obs, old, now) -> update(now));
        setVisible(false);
    }

    /**
     * The pixel size of the slide shown. Redraws at once: a new slide's first transform may arrive before its pixel
     * size, and the bar would otherwise keep the previous slide's scale until the next zoom.
     */
    public void setMicronsPerPixel(Optional<MicronsPerPixel> value) {
        mpp = value;
        update(view.transform());
    }

    /** The text shown, for tests and the status bar. */
    public String text() {
        return label.getText();
    }

    private void update(ViewTransform t) {
        if (t == null || mpp.isEmpty()) {
            setVisible(false);
            return;
        }
        ScaleBarLength length = ScaleBarLength.choose(mpp.get().x() / t.scale(), MAX_WIDTH);
        bar.setMinWidth(length.pixels());
        bar.setPrefWidth(length.pixels());
        bar.setMaxWidth(length.pixels());
        label.setText(length.label());
        setVisible(true);
    }
}
