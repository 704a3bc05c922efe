package org.marrowscope.synth.tiff;

/**
 * Source of level-0 pixels for a slide that is generated rather than scanned.
 *
 * <p>Implementations must give the same pixels for a point whatever region it is rendered in
 * (rendering a 512x512 region equals rendering its four 256x256 quadrants), so that tiles can be
 * rendered independently, in any order and on several threads, and a slide of any size is written
 * in bounded memory.
 */
public interface RegionRenderer {

    long width();

    long height();

    /**
     * Renders the level-0 region [x, x+w) x [y, y+h) into {@code rgb}, row-major, one
     * {@code 0xRRGGBB} int per pixel ({@code rgb.length >= w*h}). Must be thread-safe.
     */
    void render(long x, long y, int w, int h, int[] rgb);
}
