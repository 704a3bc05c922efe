/**
 * Knowing when not to answer: the numbers a model bundle carries beside its weights so that a result can say
 * how far to trust it, and the arithmetic that derives and applies them.
 *
 * <ul>
 *   <li>{@link org.marrowscope.calibration.DomainCheck}: is a tile like the model's training tiles? The
 *       Mahalanobis distance of the tile's features (the penultimate layer, globally average-pooled, or a
 *       single-file model's logits) to the nearest class mean under one shared covariance (Lee et al., NeurIPS
 *       2018), with a tile threshold at the 99th percentile of held-out in-domain tiles and a slide rule
 *       calibrated on validation slides.
 *   <li>{@link org.marrowscope.calibration.Temperature}: temperature scaling of a classifier's logits, fitted on
 *       its validation tiles by minimising the negative log-likelihood (Guo et al., ICML 2017).
 *   <li>{@link org.marrowscope.calibration.ConformalCalibration}: split conformal prediction at slide level
 *       (least ambiguous set-valued classifier, Sadinle et al., JASA 2019) from held-out calibration slides,
 *       giving 90% and 95% prediction sets.
 * </ul>
 *
 * <p>May import: Hipparchus (linear algebra, univariate optimisation) and the JDK. Never another MarrowScope
 * package, JavaFX or DJL: it is pure computation, so the pipeline, the model loader and training can all use it.
 */
package org.marrowscope.calibration;
