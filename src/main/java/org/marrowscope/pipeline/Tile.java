package org.marrowscope.pipeline;

/** One tile of the grid: its column and row, and its level-0 square (x, y, size). */
public record Tile(int column, int row, long x, long y, long size) {

    public long centreX() {
        return x + size / 2;
    }

    public long centreY() {
        return y + size / 2;
    }
}
