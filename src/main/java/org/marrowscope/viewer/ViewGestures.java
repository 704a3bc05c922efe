package org.marrowscope.viewer;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * How the slide view answers the mouse, wheel, trackpad and keyboard: drag pans, double-click and the wheel
 * zoom about the pointer, two-finger scrolls pan, pinches zoom, arrows pan, + and - zoom, 0 fits.
 */
final class ViewGestures {

    private static final double KEY_PAN_FRACTION = 0.15;
    /** Wheel zoom per scroll-delta unit: a usual 40-unit notch zooms by about 10%. */
    private static final double WHEEL_ZOOM_BASE = 1.0025;

    private final SlideView view;
    private double dragX;
    private double dragY;

    private ViewGestures(SlideView view) {
        this.view = view;
    }

    /** Listens to the surface the view paints on. */
    static ViewGestures install(SlideView view, Node surface) {
        ViewGestures g = new ViewGestures(view);
        g.listen(surface);
        return g;
    }

    /** Returns true when the key was used. */
    boolean handleKey(KeyEvent e) {
        if (view.slide() == null || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return false;
        }
        double stepX = view.getWidth() * KEY_PAN_FRACTION;
        double stepY = view.getHeight() * KEY_PAN_FRACTION;
        KeyCode code = e.getCode();
        String text = e.getText();
        if (code == KeyCode.LEFT) {
            view.animateTo(view.target().panBy(stepX, 0));
        } else if (code == KeyCode.RIGHT) {
            view.animateTo(view.target().panBy(-stepX, 0));
        } else if (code == KeyCode.UP) {
            view.animateTo(view.target().panBy(0, stepY));
        } else if (code == KeyCode.DOWN) {
            view.animateTo(view.target().panBy(0, -stepY));
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS || "+".equals(text)) {
            view.zoomBy(2);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT || "-".equals(text)) {
            view.zoomBy(0.5);
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            view.fit();
        } else {
            return false;
        }
        return true;
    }

    private void listen(Node surface) {
        surface.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            view.requestFocus();
            dragX = e.getX();
            dragY = e.getY();
        });
        surface.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                view.panBy(e.getX() - dragX, e.getY() - dragY);
                dragX = e.getX();
                dragY = e.getY();
            }
            view.pointAt(e.getX(), e.getY());
        });
        surface.addEventHandler(MouseEvent.MOUSE_MOVED, e -> view.pointAt(e.getX(), e.getY()));
        surface.addEventHandler(MouseEvent.MOUSE_EXITED, e -> view.pointAway());
        surface.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && view.transform() != null) {
                view.animateTo(view.target().zoomAt(2, e.getX(), e.getY(), view.minScale(), SlideView.MAX_SCALE));
            }
        });
        surface.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (view.transform() == null) {
                return;
            }
            // Two-finger trackpad scrolls pan (they carry touches or inertia); wheel notches zoom about the cursor.
            if ((e.getTouchCount() >= 2 || e.isInertia()) && !e.isControlDown()) {
                view.panBy(e.getDeltaX(), e.getDeltaY());
            } else {
                double delta = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
                view.zoomNow(Math.pow(WHEEL_ZOOM_BASE, delta), e.getX(), e.getY());
            }
            view.pointAt(e.getX(), e.getY());
            e.consume();
        });
        surface.addEventHandler(ZoomEvent.ZOOM, e -> {
            if (Double.isFinite(e.getZoomFactor()) && e.getZoomFactor() > 0) {
                view.zoomNow(e.getZoomFactor(), e.getX(), e.getY());
            }
            e.consume();
        });
    }
}
