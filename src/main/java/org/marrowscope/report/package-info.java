/**
 * The PDF/A-2b report of a classified slide (PDFBox, Java2D figures): case fields, diagnosis and votes, slide maps,
 * the ROI gallery with Grad-CAM, methods and the intended-use statement. Grad-CAM maps come through
 * {@code GradCamProvider} from the tiles the report reads from its one open slide.
 *
 * <p>May import: {@code pipeline} (reading ROIs), {@code pipeline.result}, {@code pipeline.maps}, {@code model}
 * (Grad-CAM map types), {@code slide}, {@code colour}, {@code io}. Never {@code service}, {@code cli}, JavaFX or
 * {@code app}.
 */
package org.marrowscope.report;
