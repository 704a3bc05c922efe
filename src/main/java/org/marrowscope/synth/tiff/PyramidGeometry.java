package org.marrowscope.synth.tiff;

import java.util.ArrayList;
import java.util.List;

/** The levels a slide is written with, level 0 first. */
record PyramidGeometry(List<LevelGeometry> levels) {

    /** TIFF ImageWidth/ImageLength are 32-bit; staying far below keeps tile indices in an int. */
    static final long MAX_DIMENSION = 1L << 24;

    PyramidGeometry {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("no levels");
        }
    }

    /**
     * The levels for a slide written with {@code options}.
     *
     * <p>DEFLATE tiles are decoded by OpenSlide 3.4.1 through libtiff's TIFFRGBAImageGet with a
     * whole-tile raster; libtiff 4.5 (Debian bookworm) shrinks that raster to the image when the
     * image is narrower or shorter than one tile, and OpenSlide then reads the tile shifted and
     * sheared. So for DEFLATE every level must be at least one tile wide and high: the pyramid
     * stops before a level that would not be, and a slide smaller than the tile size gets the
     * largest tile (a multiple of 16) that fits. JPEG tiles are decoded by OpenSlide itself and
     * have no such limit.
     */
    static PyramidGeometry of(long width, long height, TiffWriteOptions options) {
        boolean wholeTiles = options.compression() == TiffWriteOptions.Compression.DEFLATE;
        int tileSize = options.tileSize();
        if (wholeTiles) {
            long shortSide = Math.min(width, height);
            if (shortSide < 16) {
                throw new IllegalArgumentException("a DEFLATE slide needs both sides of at least 16 px"
                        + " for OpenSlide 3.4.1 to read it: " + width + "x" + height);
            }
            tileSize = (int) Math.min(tileSize, shortSide / 16 * 16);
        }
        return of(width, height, tileSize, options.minLevelSize(), wholeTiles);
    }

    static PyramidGeometry of(long width, long height, int tileSize, int minLevelSize, boolean wholeTiles) {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new IllegalArgumentException("slide size out of range: " + width + "x" + height);
        }
        List<LevelGeometry> levels = new ArrayList<>();
        LevelGeometry level = new LevelGeometry(0, width, height, tileSize);
        levels.add(level);
        while (true) {
            LevelGeometry next = level.halved();
            boolean tooSmall = Math.max(next.width(), next.height()) < minLevelSize
                    || wholeTiles && Math.min(next.width(), next.height()) < tileSize;
            if (tooSmall || next.width() == level.width() && next.height() == level.height()) {
                break;
            }
            levels.add(next);
            level = next;
        }
        return new PyramidGeometry(levels);
    }

    LevelGeometry level(int index) {
        return levels.get(index);
    }

    /** The tile size of every level: the options' one, or smaller for a small DEFLATE slide. */
    int tileSize() {
        return levels.getFirst().tileSize();
    }

    int levelCount() {
        return levels.size();
    }

    long totalTiles() {
        return levels.stream().mapToLong(LevelGeometry::tileCount).sum();
    }
}
