/**
 * The colours every view shares, headless: the class palette (Okabe-Ito, colour-blind safe) and the one perceptually
 * uniform scale (viridis) for saliency and Grad-CAM maps. The viewer and the app adapt them to JavaFX, the report to
 * Java2D, the GeoJSON export and the ROC figures use them as they are.
 *
 * <p>May import: Nothing but the JDK.
 */
package org.marrowscope.colour;
