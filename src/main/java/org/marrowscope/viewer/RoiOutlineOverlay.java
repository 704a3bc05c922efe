package org.marrowscope.viewer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The outline of the selected ROI's tile, so the tile shown large can be found on the slide. */
public final class RoiOutlineOverlay extends Overlay {

    private long x;
    private long y;
    private long size;
    private Color colour = Color.BLACK;

    public RoiOutlineOverlay() {
        super("Selected ROI outline", 1.0);
    }

    public void select(long left, long top, long edge, Color classColour) {
        x = left;
        y = top;
        size = edge;
        colour = classColour;
    }

    public void clear() {
        size = 0;
    }

    @Override
    public boolean hasContent() {
        return size > 0;
    }

    @Override
    protected void paint(GraphicsContext g, ViewTransform view) {
        double sx = view.toScreenX(x);
        double sy = view.toScreenY(y);
        double side = Math.max(6, size * view.scale());
        g.setLineWidth(4);
        g.setStroke(Color.WHITE);
        g.strokeRect(sx - 2, sy - 2, side + 4, side + 4);
        g.setLineWidth(2.5);
        g.setStroke(colour.darker());
        g.strokeRect(sx - 2, sy - 2, side + 4, side + 4);
    }
}
