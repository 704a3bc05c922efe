package org.marrowscope.viewer;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;

/**
 * Moves a view's transform toward a goal a fixed fraction per frame (in log-scale for the zoom), which reads as
 * smooth and lets a new goal replace the old one mid-flight without a jump.
 */
final class ViewAnimator extends AnimationTimer {

    private static final double STEP = 0.35;

    private final ObjectProperty<ViewTransform> transform;
    private ViewTransform target;
    private boolean running;

    ViewAnimator(ObjectProperty<ViewTransform> transform) {
        this.transform = transform;
    }

    void start(ViewTransform goal) {
        target = goal;
        if (!running) {
            running = true;
            start();
        }
    }

    boolean running() {
        return running;
    }

    /** Where the view is going: the goal while animating, else where it is. */
    ViewTransform target() {
        return running ? target : transform.get();
    }

    /** Keeps the goal's view size in step with the view's when the window is resized mid-flight. */
    void resize(double width, double height) {
        if (running) {
            target = target.withViewSize(width, height);
        }
    }

    @Override
    public void stop() {
        running = false;
        super.stop();
    }

    @Override
    public void handle(long now) {
        ViewTransform t = transform.get();
        if (t == null || target == null) {
            stop();
            return;
        }
        double logScale = Math.log(t.scale()) + STEP * (Math.log(target.scale()) - Math.log(t.scale()));
        double scale = Math.exp(logScale);
        double cx = t.centreX() + STEP * (target.centreX() - t.centreX());
        double cy = t.centreY() + STEP * (target.centreY() - t.centreY());
        boolean close = Math.abs(Math.log(target.scale() / scale)) < 1e-3
                && Math.abs(target.centreX() - cx) * scale < 0.5 && Math.abs(target.centreY() - cy) * scale < 0.5;
        if (close) {
            transform.set(target.withViewSize(t.viewWidth(), t.viewHeight()));
            stop();
        } else {
            transform.set(new ViewTransform(cx, cy, scale, t.viewWidth(), t.viewHeight()));
        }
    }
}
