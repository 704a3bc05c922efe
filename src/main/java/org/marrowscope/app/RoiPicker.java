package org.marrowscope.app;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.viewer.RoiScatterOverlay;
import org.marrowscope.viewer.SlideView;
import org.marrowscope.viewer.ViewTransform;

/**
 * ROIs as objects on the slide: hovering a ROI's dot (or its tile, when zoomed in far enough to see it) shows its class,
 * p and each model's vote; a click selects it, as picking it in the ROI browser does (centre, Grad-CAM).
 */
final class RoiPicker {

    /** How far from a dot's centre a pointer still hits it, in screen pixels (the dot is drawn about this size). */
    static final double HIT_RADIUS = 8;

    private final Tooltip tip = new Tooltip();
    private RoiResult hovered;

    private RoiPicker() {
        tip.setId("roi-tooltip");
    }

    /**
     * @param result the result shown, or null
     * @param scatter the ROI overlay: ROIs answer only while it is shown
     * @param onPick selects a ROI
     */
    static RoiPicker install(SlideView view, Supplier<ClassificationResult> result, RoiScatterOverlay scatter,
            Consumer<RoiResult> onPick) {
        RoiPicker picker = new RoiPicker();
        view.addEventHandler(MouseEvent.MOUSE_MOVED, e -> picker.hover(view, result.get(), scatter, e));
        view.addEventHandler(MouseEvent.MOUSE_EXITED, e -> picker.hide());
        view.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && e.isStillSincePress()) {
                ClassificationResult r = result.get();
                if (r != null && scatter.visibleProperty().get()) {
                    at(r, view.transform(), e.getX(), e.getY()).ifPresent(onPick);
                }
            }
        });
        return picker;
    }

    private void hover(SlideView view, ClassificationResult r, RoiScatterOverlay scatter, MouseEvent e) {
        Optional<RoiResult> hit = r == null || !scatter.visibleProperty().get() ? Optional.empty()
                : at(r, view.transform(), e.getX(), e.getY());
        if (hit.isEmpty()) {
            hide();
            return;
        }
        if (hit.get() != hovered || !tip.isShowing()) {
            hovered = hit.get();
            tip.setText(describe(r, hovered));
            tip.show(view, e.getScreenX() + 14, e.getScreenY() + 14);
        }
    }

    private void hide() {
        hovered = null;
        tip.hide();
    }

    /** The ROI under a screen point: inside its tile, or within {@link #HIT_RADIUS} of its centre; the nearest wins. */
    static Optional<RoiResult> at(ClassificationResult r, ViewTransform t, double screenX, double screenY) {
        if (t == null || !r.classifiable()) {
            return Optional.empty();
        }
        RoiResult best = null;
        double bestDistance = Double.MAX_VALUE;
        for (RoiResult roi : r.rois()) {
            double dx = t.toScreenX(roi.centreX()) - screenX;
            double dy = t.toScreenY(roi.centreY()) - screenY;
            double half = roi.size() * t.scale() / 2;
            boolean inside = Math.abs(dx) <= Math.max(half, HIT_RADIUS) && Math.abs(dy) <= Math.max(half, HIT_RADIUS);
            double distance = Math.hypot(dx, dy);
            if (inside && (half >= HIT_RADIUS || distance <= HIT_RADIUS) && distance < bestDistance) {
                best = roi;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "ROI 12: AML, p = 0.93" and each model's vote with its probability of that class. */
    static String describe(ClassificationResult r, RoiResult roi) {
        int c = r.classes().indexOf(roi.ensembleLabel());
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "ROI %d: %s, p = %.2f (models' mean)", roi.index() + 1,
                roi.ensembleLabel(), RoiFilter.confidence(r, roi)));
        for (int m = 0; m < r.classifiers().size() && m < roi.labels().size(); m++) {
            String label = roi.labels().get(m);
            int own = r.classes().indexOf(label);
            text.append(String.format(Locale.ROOT, "%n%s: %s (p = %.2f)", r.classifiers().get(m).name(), label,
                    own >= 0 ? roi.probabilities().get(m)[own] : Double.NaN));
        }
        if (c >= 0) {
            text.append(String.format(Locale.ROOT, "%nstage 1 p(good) = %.2f · click to open its Grad-CAM", roi.quality()));
        }
        return text.toString();
    }

    // ---- for the tests -----------------------------------------------------------------------------------

    Tooltip tooltip() {
        return tip;
    }
}
