package org.marrowscope.viewer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.GraphicsContext;

/** Something drawn over the slide in level-0 coordinates, with its own toggle and opacity. */
public abstract class Overlay {

    private final String name;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", false);
    private final DoubleProperty opacity;

    protected Overlay(String name, double defaultOpacity) {
        this.name = name;
        this.opacity = new SimpleDoubleProperty(this, "opacity", defaultOpacity);
    }

    public String name() {
        return name;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** True when there is something to draw (a result is loaded). */
    public abstract boolean hasContent();

    /** Draws on the view's canvas; the caller has set the global alpha to the opacity. */
    protected abstract void paint(GraphicsContext g, ViewTransform view);

    final void paintIfShown(GraphicsContext g, ViewTransform view) {
        if (visible.get() && hasContent()) {
            g.save();
            g.setGlobalAlpha(Math.clamp(opacity.get(), 0, 1));
            paint(g, view);
            g.restore();
        }
    }
}
