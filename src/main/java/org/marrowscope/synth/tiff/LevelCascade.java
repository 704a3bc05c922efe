package org.marrowscope.synth.tiff;

import java.util.Arrays;

/**
 * Row buffers of the reduced levels (1..n-1), each one tile row tall and as wide as its level
 * rounded up to whole tiles. Level 0 has none: its tiles are rendered, encoded and downsampled one
 * at a time.
 *
 * <p>A finished tile row of level k-1 yields half a tile row of level k (T/2 rows, or fewer at the
 * bottom), so level k's buffer is complete after two source rows, or earlier at the bottom edge.
 * Workers downsample different tiles into disjoint parts of a buffer concurrently; the writing
 * thread's wait on their futures orders those writes before it reads the buffer.
 */
final class LevelCascade {

    private final PyramidGeometry geometry;
    private final int tileSize;
    private final int[][] buffers;
    private final int[] strides;
    private final int[] rowsFilled;
    private final int[] currentTileRow;

    LevelCascade(PyramidGeometry geometry) {
        this.geometry = geometry;
        this.tileSize = geometry.tileSize();
        int levels = geometry.levelCount();
        this.buffers = new int[levels][];
        this.strides = new int[levels];
        this.rowsFilled = new int[levels];
        this.currentTileRow = new int[levels];
        for (int k = 1; k < levels; k++) {
            strides[k] = Math.multiplyExact(geometry.level(k).tilesAcross(), tileSize);
            buffers[k] = new int[Math.multiplyExact(strides[k], tileSize)];
        }
    }

    /** Bytes held by the row buffers, for the memory bound in the writer's documentation. */
    long bufferBytes() {
        return Arrays.stream(buffers).filter(b -> b != null).mapToLong(b -> 4L * b.length).sum();
    }

    /**
     * Averages 2x2 blocks of a source tile of level {@code target - 1} into level {@code target}'s
     * row buffer. Blocks cut by the level's right or bottom edge average only their pixels inside
     * the level, so the padding never bleeds into the next level.
     *
     * @param tile source tile, stride {@code tileSize}
     * @param tx source tile column
     * @param ty source tile row
     * @param validWidth source pixels inside the level in this tile's columns
     * @param validHeight source pixels inside the level in this tile's rows
     */
    void downsampleInto(int target, int[] tile, int tx, int ty, int validWidth, int validHeight) {
        int[] dst = buffers[target];
        int stride = strides[target];
        int half = tileSize / 2;
        int dstX0 = tx * half;
        int dstY0 = (ty % 2) * half;
        int outW = (validWidth + 1) / 2;
        int outH = (validHeight + 1) / 2;
        for (int oy = 0; oy < outH; oy++) {
            int sy = 2 * oy;
            int rows = sy + 1 < validHeight ? 2 : 1;
            int dstRow = (dstY0 + oy) * stride + dstX0;
            for (int ox = 0; ox < outW; ox++) {
                int sx = 2 * ox;
                int cols = sx + 1 < validWidth ? 2 : 1;
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < rows; dy++) {
                    int base = (sy + dy) * tileSize + sx;
                    for (int dx = 0; dx < cols; dx++) {
                        int p = tile[base + dx];
                        r += (p >>> 16) & 0xFF;
                        g += (p >>> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                int n = rows * cols;
                int h = n / 2;
                dst[dstRow + ox] = ((r + h) / n) << 16 | ((g + h) / n) << 8 | (b + h) / n;
            }
        }
    }

    /** Records that a source tile row of {@code validHeight} rows has been downsampled into {@code target}. */
    void sourceRowDone(int target, int validHeight) {
        rowsFilled[target] += (validHeight + 1) / 2;
    }

    /** True when level {@code level}'s current tile row has all its rows. */
    boolean tileRowComplete(int level) {
        LevelGeometry g = geometry.level(level);
        int row = currentTileRow[level];
        return row < g.tilesDown() && rowsFilled[level] == g.validHeight(row);
    }

    int currentTileRow(int level) {
        return currentTileRow[level];
    }

    /** Copies tile {@code tx} of the current tile row of {@code level} into {@code tile}, padded with white. */
    void copyTile(int level, int tx, int[] tile) {
        LevelGeometry g = geometry.level(level);
        int w = g.validWidth(tx);
        int h = g.validHeight(currentTileRow[level]);
        int[] src = buffers[level];
        int stride = strides[level];
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * stride + tx * tileSize, tile, y * tileSize, w);
            if (w < tileSize) {
                Arrays.fill(tile, y * tileSize + w, (y + 1) * tileSize, TileEncoder.PAD);
            }
        }
        Arrays.fill(tile, h * tileSize, tile.length, TileEncoder.PAD);
    }

    /** Starts the next tile row of {@code level} once the current one has been encoded. */
    void advance(int level) {
        currentTileRow[level]++;
        rowsFilled[level] = 0;
    }
}
