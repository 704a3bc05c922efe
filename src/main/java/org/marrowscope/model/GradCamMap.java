package org.marrowscope.model;

/**
 * A Grad-CAM heat map over one tile, values in [0, 1], row-major {@code width x height} (the tile's size).
 *
 * @param layer the layer it was computed at
 * @param classIndex the class it explains, index into the bundle's classes
 * @param className that class's name
 * @param probability the model's softmax probability of that class for the tile
 * @param width tile width in pixels
 * @param height tile height in pixels
 * @param values the map, {@code values[y * width + x]}
 */
public record GradCamMap(GradCam.Layer layer, int classIndex, String className, float probability, int width,
                         int height, float[] values) {

    public GradCamMap {
        if (values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values for a " + width + "x" + height + " map");
        }
    }

    /** The value at pixel (x, y). */
    public float value(int x, int y) {
        return values[y * width + x];
    }
}
