/**
 * Training model bundles with DJL/PyTorch: quality labels and the review loop, ROI sampling with the pipeline's own
 * stage 1, patient splits, augmentation, tile caches, the training loop with checkpoints, bundle writing, and the
 * demonstration plan.
 *
 * <p>May import: {@code model}, {@code pipeline}, {@code slide}, {@code labels}, {@code synth} and its subpackages
 * (the demo cohort), {@code io}. Never {@code eval}, JavaFX or anything above.
 */
package org.marrowscope.train;
