package org.marrowscope.viewer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The viewer's view of a slide's pyramid: which level to paint at a zoom, and which tiles of it a view needs.
 * Free of JavaFX and of slide I/O, so the maths is tested on its own.
 *
 * @param width level-0 width
 * @param height level-0 height
 * @param levels the levels, finest first
 * @param tileSize viewer tile edge in the level's own pixels
 */
public record Pyramid(long width, long height, List<Level> levels, int tileSize) {

    /** One level: its downsample against level 0 and its size in its own pixels. */
    public record Level(double downsample, long width, long height) {
    }

    /** A tile's square in level-0 pixels and its size in the level's own pixels (clipped at the slide's edge). */
    public record TileBounds(long x, long y, long levelWidth, long levelHeight, double downsample) {
        public double width() {
            return levelWidth * downsample;
        }

        public double height() {
            return levelHeight * downsample;
        }
    }

    public Pyramid {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a pyramid needs at least one level");
        }
        if (tileSize <= 0) {
            throw new IllegalArgumentException("tile size must be positive, got " + tileSize);
        }
    }

    public static Pyramid of(org.marrowscope.slide.Slide slide, int tileSize) {
        return new Pyramid(slide.width(), slide.height(),
                slide.levels().stream().map(l -> new Level(l.downsample(), l.width(), l.height())).toList(), tileSize);
    }

    /**
     * The level to paint at {@code scale}: the coarsest whose pixels are still no larger than a screen pixel, so
     * the view is never blurrier than the scan while reading as few pixels as possible; level 0 when zoomed in
     * beyond the scan.
     */
    public int levelFor(double scale) {
        double screenDownsample = 1 / scale;
        int best = 0;
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).downsample() <= screenDownsample * (1 + 1e-9)) {
                best = i;
            }
        }
        return best;
    }

    public int columns(int level) {
        return (int) ((levels.get(level).width() + tileSize - 1) / tileSize);
    }

    public int rows(int level) {
        return (int) ((levels.get(level).height() + tileSize - 1) / tileSize);
    }

    public TileBounds bounds(TileKey key) {
        Level l = levels.get(key.level());
        long lx = (long) key.column() * tileSize;
        long ly = (long) key.row() * tileSize;
        long w = Math.min(tileSize, l.width() - lx);
        long h = Math.min(tileSize, l.height() - ly);
        return new TileBounds(Math.round(lx * l.downsample()), Math.round(ly * l.downsample()), w, h, l.downsample());
    }

    /**
     * The tiles of {@code level} that intersect the view, nearest to the view's centre first (the order they
     * are loaded in, so the middle of the screen fills first).
     */
    public List<TileKey> visibleTiles(ViewTransform view, int level) {
        Level l = levels.get(level);
        ViewTransform.Rect r = view.visible();
        double ds = l.downsample();
        int c0 = (int) Math.max(0, Math.floor(r.x() / ds / tileSize));
        int r0 = (int) Math.max(0, Math.floor(r.y() / ds / tileSize));
        int c1 = (int) Math.min(columns(level) - 1, Math.floor((r.maxX() - 1e-9) / ds / tileSize));
        int r1 = (int) Math.min(rows(level) - 1, Math.floor((r.maxY() - 1e-9) / ds / tileSize));
        List<TileKey> keys = new ArrayList<>();
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                keys.add(new TileKey(level, col, row));
            }
        }
        double cx = view.centreX() / ds / tileSize - 0.5;
        double cy = view.centreY() / ds / tileSize - 0.5;
        keys.sort(Comparator.comparingDouble(k -> Math.hypot(k.column() - cx, k.row() - cy)));
        return keys;
    }
}
