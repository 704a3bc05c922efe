package org.marrowscope.pipeline;

/**
 * What stage 1 learned about one tile.
 *
 * @param background true when the corner rule rejected it (then it was never scored)
 * @param quality p(good) from the quality model; NaN for background tiles
 * @param distance the quality model's domain-check distance; NaN when unchecked or background
 */
public record TileAssessment(Tile tile, boolean background, float quality, double distance) {

    public static TileAssessment background(Tile tile) {
        return new TileAssessment(tile, true, Float.NaN, Double.NaN);
    }

    public static TileAssessment scored(Tile tile, float quality) {
        return new TileAssessment(tile, false, quality, Double.NaN);
    }

    public static TileAssessment scored(Tile tile, float quality, double distance) {
        return new TileAssessment(tile, false, quality, distance);
    }

    public boolean atLeast(double threshold) {
        return !background && quality >= threshold;
    }
}
