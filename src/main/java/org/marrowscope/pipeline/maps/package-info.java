/**
 * What is computed from a saved result on demand: the saliency map (ROI density times the probability of the slide's
 * class), the ROIs that disagree with a reference diagnosis, and the GeoJSON export for QuPath.
 *
 * <p>May import: {@code pipeline.result}, {@code colour}. Never {@code pipeline} itself, {@code slide} or anything
 * above.
 */
package org.marrowscope.pipeline.maps;
