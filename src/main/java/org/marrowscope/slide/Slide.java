package org.marrowscope.slide;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole-slide image (or a single microscope field) seen as a pyramid of levels.
 *
 * <p>Coordinates passed to {@link #readRegion} are always level-0 pixels, as in OpenSlide,
 * so callers never convert between levels. Implementations are safe for concurrent reads;
 * {@link #close()} waits for reads in flight and later reads fail with
 * {@link SlideException.Kind#CLOSED}.
 */
public interface Slide extends AutoCloseable {

    Path path();

    /** Short format name: the OpenSlide vendor ("aperio", "generic-tiff", ...) or "image" for plain pictures. */
    String format();

    List<SlideLevel> levels();

    default SlideLevel level(int index) {
        return levels().get(index);
    }

    default int levelCount() {
        return levels().size();
    }

    default long width() {
        return levels().getFirst().width();
    }

    default long height() {
        return levels().getFirst().height();
    }

    /** All properties as reported by the reader, in a stable order. */
    Map<String, String> properties();

    /** Level-0 physical pixel size, when the file or its TIFF tags say it. */
    Optional<MicronsPerPixel> micronsPerPixel();

    /** Scanner objective magnification (e.g. 40.0), when stated. */
    Optional<Double> objectivePower();

    List<AssociatedImage> associatedImages();

    /**
     * Reads an associated image by name. Callers that show or export it must first check
     * {@link AssociatedImage#possiblyIdentifying()}: label and macro images can carry patient identity.
     */
    BufferedImage readAssociatedImage(String name) throws SlideException;

    /**
     * Reads a region as opaque RGB ({@link BufferedImage#TYPE_INT_RGB}), with anything outside the
     * scanned area composited on white.
     *
     * @param level pyramid level
     * @param x left edge in level-0 pixels
     * @param y top edge in level-0 pixels
     * @param width width in pixels of {@code level}
     * @param height height in pixels of {@code level}
     */
    BufferedImage readRegion(int level, long x, long y, int width, int height) throws SlideException;

    /** The level whose downsample is the largest not exceeding {@code downsample} (level 0 when none). */
    default int bestLevelForDownsample(double downsample) {
        int best = 0;
        for (int i = 0; i < levels().size(); i++) {
            if (levels().get(i).downsample() <= downsample + 1e-9) {
                best = i;
            }
        }
        return best;
    }

    @Override
    void close();
}
