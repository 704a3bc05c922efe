package org.marrowscope.train;

/**
 * How a training tile is stored in a {@link TileCache}: a {@code side} x {@code side} RGB picture whose central
 * {@code core} x {@code core} square is the tile's footprint and the rest its surroundings on the slide.
 *
 * <p>Validation and test tiles are stored exactly as inference sees them ({@link #exact}: core = side = the
 * model's input size, resized by the model's own resampler). Training tiles that are rotated by any angle and
 * zoomed keep context around the footprint (so a rotated tile's corners show real smear, not a fill colour)
 * and twice the input resolution (so rotating does not blur them: the model's resampler halves them after
 * augmentation, as it shrinks a 512-pixel tile at inference).
 *
 * @param side edge of the stored picture in pixels
 * @param core edge of the footprint inside it; {@code side - core} is even, so the footprint is a whole-pixel
 *     crop
 */
public record CacheLayout(int side, int core) {

    /** Context needed to rotate by any angle and zoom out to 90% with real pixels in the corners: sqrt(2)/0.9. */
    public static final double ROTATION_CONTEXT = 1.6;

    public CacheLayout {
        if (core <= 0 || side < core || (side - core) % 2 != 0) {
            throw new IllegalArgumentException("cache layout needs 0 < core <= side with an even margin, got side "
                    + side + ", core " + core);
        }
    }

    /** The tile exactly as the model's preprocessing resizes it: no context, input-size pixels. */
    public static CacheLayout exact(int inputSize) {
        return new CacheLayout(inputSize, inputSize);
    }

    /**
     * A layout for free rotation and zoom.
     *
     * @param inputSize the model's input size
     * @param scale footprint resolution relative to the input size (2: twice the model's resolution)
     * @param context stored edge relative to the footprint's (at least {@link #ROTATION_CONTEXT} for any angle)
     */
    public static CacheLayout withContext(int inputSize, int scale, double context) {
        int core = inputSize * scale;
        int side = (int) Math.ceil(core * context);
        if ((side - core) % 2 != 0) {
            side++;
        }
        return new CacheLayout(side, core);
    }

    /** Stored edge relative to the footprint's edge. */
    public double context() {
        return (double) side / core;
    }

    /** Bytes per stored tile (RGB). */
    public int tileBytes() {
        return side * side * 3;
    }
}
