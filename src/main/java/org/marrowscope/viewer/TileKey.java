package org.marrowscope.viewer;

/** One viewer tile: a square of {@link Pyramid#tileSize()} pixels of a pyramid level, by column and row. */
public record TileKey(int level, int column, int row) {
}
