package org.marrowscope.viewer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

/**
 * The saliency heat map (ROI density times the probability of the slide's class; see {@code SaliencyMap}), a
 * low-resolution raster stretched over the whole slide.
 */
public final class SaliencyOverlay extends Overlay {

    private Image heat;
    private long slideWidth;
    private long slideHeight;

    public SaliencyOverlay() {
        super("Saliency map", 0.5);
    }

    /** @param image the heat raster (see {@link org.marrowscope.colour.SaliencyScale}), covering the slide's full extent */
    public void setHeat(Image image, long width, long height) {
        heat = image;
        slideWidth = width;
        slideHeight = height;
    }

    public void clear() {
        heat = null;
    }

    @Override
    public boolean hasContent() {
        return heat != null;
    }

    @Override
    protected void paint(GraphicsContext g, ViewTransform view) {
        g.setImageSmoothing(true);
        g.drawImage(heat, view.toScreenX(0), view.toScreenY(0), slideWidth * view.scale(), slideHeight * view.scale());
    }
}
