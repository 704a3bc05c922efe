/**
 * The deep-zoom slide view (JavaFX): view transform, level choice, visible tiles, the asynchronous tile loader and
 * memory-bounded cache, overlays (ROI scatter, saliency, ROI outline), navigator and scale bar. Reusable without the
 * app.
 *
 * <p>May import: JavaFX, {@code slide}, {@code colour}. Never {@code app} or {@code launcher}.
 */
package org.marrowscope.viewer;
