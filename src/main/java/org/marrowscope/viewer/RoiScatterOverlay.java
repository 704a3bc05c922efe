package org.marrowscope.viewer;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The ROI scatter (where stage 1 looked and what stage 2 called each ROI): a dot at each ROI's centre in its
 * predicted class's colour.
 */
public final class RoiScatterOverlay extends Overlay {

    /** One ROI: level-0 square and colour. */
    public record Point(long x, long y, long size, Color colour) {
    }

    private List<Point> points = List.of();

    public RoiScatterOverlay() {
        super("ROI scatter", 0.9);
    }

    public void setPoints(List<Point> value) {
        points = List.copyOf(value);
    }

    public List<Point> points() {
        return points;
    }

    @Override
    public boolean hasContent() {
        return !points.isEmpty();
    }

    @Override
    protected void paint(GraphicsContext g, ViewTransform view) {
        ViewTransform.Rect visible = view.visible();
        g.setLineWidth(1.5);
        for (Point p : points) {
            if (!visible.intersects(p.x(), p.y(), p.size(), p.size())) {
                continue;
            }
            double cx = view.toScreenX(p.x() + p.size() / 2.0);
            double cy = view.toScreenY(p.y() + p.size() / 2.0);
            // Dots only: ROIs overlap (stride is half a tile), so their squares would hide the cells under a grid.
            double r = 6;
            g.setFill(p.colour());
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setStroke(Color.rgb(40, 40, 40, 0.8));
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
    }
}
