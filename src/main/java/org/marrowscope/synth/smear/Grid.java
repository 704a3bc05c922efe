package org.marrowscope.synth.smear;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Per-bucket lists over a rectangle of buckets [bx0, bx1] x [by0, by1]; empty outside it. */
final class Grid<T> {

    interface Filler<T> {
        List<T> fill(long bx, long by);
    }

    private final long bx0;
    private final long by0;
    private final int nx;
    private final int ny;
    private final List<List<T>> cells;

    Grid(long bx0, long by0, long bx1, long by1) {
        this.bx0 = bx0;
        this.by0 = by0;
        this.nx = (int) (bx1 - bx0 + 1);
        this.ny = (int) (by1 - by0 + 1);
        this.cells = new ArrayList<>(nx * ny);
    }

    /** Fills every bucket, in row-major order. */
    void fill(Filler<T> filler) {
        cells.clear();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                cells.add(filler.fill(bx0 + i, by0 + j));
            }
        }
    }

    List<T> get(long bx, long by) {
        long i = bx - bx0;
        long j = by - by0;
        if (i < 0 || j < 0 || i >= nx || j >= ny) {
            return List.of();
        }
        return cells.get((int) (j * nx + i));
    }

    /** Visits the items of buckets [bx0, bx1] x [by0, by1] in row-major bucket order. */
    void forEachIn(long fromX, long fromY, long toX, long toY, Consumer<T> action) {
        for (long by = fromY; by <= toY; by++) {
            for (long bx = fromX; bx <= toX; bx++) {
                get(bx, by).forEach(action);
            }
        }
    }
}
