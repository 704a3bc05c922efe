package org.marrowscope.train;

import java.nio.file.Path;

/** Where a training tile's pixels come from: a square of a slide, or a picture file. */
public sealed interface TileSource {

    /** A short name for messages and reports. */
    String describe();

    /**
     * A tile of a slide: the level-0 square (x, y, size), as the pipeline's grid and the viewer's tile-review
     * mode write it.
     *
     * @param slide the slide file (absolute)
     * @param x level-0 left edge
     * @param y level-0 top edge
     * @param size level-0 edge of the tile's footprint
     */
    record SlideTile(Path slide, long x, long y, long size) implements TileSource {

        public SlideTile {
            if (x < 0 || y < 0 || size <= 0) {
                throw new IllegalArgumentException("tile must have x, y >= 0 and size > 0, got " + x + ", " + y + ", " + size);
            }
        }

        @Override
        public String describe() {
            return slide.getFileName() + " (" + x + ", " + y + ", " + size + ")";
        }
    }

    /**
     * A picture file holding one tile (e.g. exported 512x512 PNGs in a {@code good/} or {@code poor/} folder).
     *
     * @param file the picture (absolute)
     */
    record ImageTile(Path file) implements TileSource {

        @Override
        public String describe() {
            return file.getFileName().toString();
        }
    }
}
