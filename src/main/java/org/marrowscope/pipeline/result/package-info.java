/**
 * The classification result as saved ({@code SLIDE.marrowscope.json}): slide identity, parameters, models, stage 1's
 * counts, every ROI with each model's probabilities, the votes; and the store that saves and reloads it. The lowest
 * layer of the pipeline: the viewer, the report, the CLI and evaluation read results without running anything.
 *
 * <p>May import: {@code slide} (slide identity), {@code io}, Jackson. Never {@code pipeline} (checked: no package
 * cycles).
 */
package org.marrowscope.pipeline.result;
