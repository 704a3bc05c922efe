package org.marrowscope.synth.tiff;

/**
 * Size and tiling of one pyramid level.
 *
 * @param index 0 for full resolution, k for the level 2^k times smaller
 * @param width level width in its own pixels
 * @param height level height in its own pixels
 * @param tileSize tile edge in pixels
 */
record LevelGeometry(int index, long width, long height, int tileSize) {

    LevelGeometry {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("empty level " + index + ": " + width + "x" + height);
        }
    }

    int tilesAcross() {
        return Math.toIntExact(Math.ceilDiv(width, tileSize));
    }

    int tilesDown() {
        return Math.toIntExact(Math.ceilDiv(height, tileSize));
    }

    long tileCount() {
        return (long) tilesAcross() * tilesDown();
    }

    /** Pixels of tile column {@code tx} that lie inside the level (the rest is padding). */
    int validWidth(int tx) {
        return (int) Math.min(tileSize, width - (long) tx * tileSize);
    }

    /** Pixel rows of tile row {@code ty} that lie inside the level (the rest is padding). */
    int validHeight(int ty) {
        return (int) Math.min(tileSize, height - (long) ty * tileSize);
    }

    /** The next level down: each pixel averages a 2x2 block, so odd sizes round up. */
    LevelGeometry halved() {
        return new LevelGeometry(index + 1, Math.ceilDiv(width, 2), Math.ceilDiv(height, 2), tileSize);
    }
}
