package org.marrowscope.viewer;

/**
 * Where the viewer looks: the level-0 point at the centre of the view and the zoom, for a view of a given size.
 * Immutable; every pan and zoom makes a new one, so a paint always sees one consistent transform.
 *
 * @param centreX level-0 x at the centre of the view
 * @param centreY level-0 y at the centre of the view
 * @param scale screen pixels per level-0 pixel (1 = the scanner's resolution, 0.01 = a whole slide on screen)
 * @param viewWidth view width in screen pixels
 * @param viewHeight view height in screen pixels
 */
public record ViewTransform(double centreX, double centreY, double scale, double viewWidth, double viewHeight) {

    public ViewTransform {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
        if (!(viewWidth >= 0) || !(viewHeight >= 0)) {
            throw new IllegalArgumentException("view size must not be negative: " + viewWidth + "x" + viewHeight);
        }
    }

    /** The whole slide centred in the view with a small margin. */
    public static ViewTransform fit(long slideWidth, long slideHeight, double viewWidth, double viewHeight) {
        return new ViewTransform(slideWidth / 2.0, slideHeight / 2.0, fitScale(slideWidth, slideHeight, viewWidth, viewHeight),
                viewWidth, viewHeight);
    }

    /** The scale at which the whole slide fills 95% of the view's tighter side. */
    public static double fitScale(long slideWidth, long slideHeight, double viewWidth, double viewHeight) {
        double w = Math.max(1, viewWidth);
        double h = Math.max(1, viewHeight);
        return 0.95 * Math.min(w / slideWidth, h / slideHeight);
    }

    /** Level-0 pixels per screen pixel. */
    public double downsample() {
        return 1 / scale;
    }

    public double toScreenX(double x) {
        return (x - centreX) * scale + viewWidth / 2;
    }

    public double toScreenY(double y) {
        return (y - centreY) * scale + viewHeight / 2;
    }

    public double toSlideX(double screenX) {
        return (screenX - viewWidth / 2) / scale + centreX;
    }

    public double toSlideY(double screenY) {
        return (screenY - viewHeight / 2) / scale + centreY;
    }

    /** The level-0 rectangle the view shows. */
    public Rect visible() {
        return new Rect(toSlideX(0), toSlideY(0), viewWidth / scale, viewHeight / scale);
    }

    /** Moves the view by a screen distance (dragging right by 10 px moves the slide right, the centre left). */
    public ViewTransform panBy(double screenDx, double screenDy) {
        return new ViewTransform(centreX - screenDx / scale, centreY - screenDy / scale, scale, viewWidth, viewHeight);
    }

    /**
     * Zooms by {@code factor} keeping the slide point under the screen point (sx, sy) where it is, as a wheel
     * zoom around the cursor should; the scale is clamped to {@code [minScale, maxScale]}.
     */
    public ViewTransform zoomAt(double factor, double sx, double sy, double minScale, double maxScale) {
        double newScale = Math.clamp(scale * factor, minScale, maxScale);
        double px = toSlideX(sx);
        double py = toSlideY(sy);
        double cx = px - (sx - viewWidth / 2) / newScale;
        double cy = py - (sy - viewHeight / 2) / newScale;
        return new ViewTransform(cx, cy, newScale, viewWidth, viewHeight);
    }

    public ViewTransform centredOn(double x, double y) {
        return new ViewTransform(x, y, scale, viewWidth, viewHeight);
    }

    public ViewTransform withScale(double value) {
        return new ViewTransform(centreX, centreY, value, viewWidth, viewHeight);
    }

    /** The same centre and zoom in a resized view. */
    public ViewTransform withViewSize(double width, double height) {
        return new ViewTransform(centreX, centreY, scale, width, height);
    }

    /** Keeps the centre on the slide, so panning can never lose the slide off screen. */
    public ViewTransform clampedTo(long slideWidth, long slideHeight) {
        double cx = Math.clamp(centreX, 0, slideWidth);
        double cy = Math.clamp(centreY, 0, slideHeight);
        return cx == centreX && cy == centreY ? this : new ViewTransform(cx, cy, scale, viewWidth, viewHeight);
    }

    /** An axis-aligned rectangle in level-0 pixels. */
    public record Rect(double x, double y, double width, double height) {
        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }

        public boolean intersects(double ox, double oy, double ow, double oh) {
            return ox < maxX() && ox + ow > x && oy < maxY() && oy + oh > y;
        }
    }
}
