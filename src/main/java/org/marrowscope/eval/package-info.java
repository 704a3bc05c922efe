/**
 * The paper's evaluation of a labelled cohort: tile, patient and ensemble level metrics with bootstrap intervals,
 * confusion matrices, ROC curves, the Wilcoxon test and the random-tile ablation, written as JSON, CSV, Markdown and
 * PNG.
 *
 * <p>May import: {@code service} (to classify with the real pipeline), {@code pipeline} (and {@code result}),
 * {@code model}, {@code slide}, {@code labels}, {@code train} (its random-tile sampler, for the ablation),
 * {@code synth} and {@code synth.smear} (ground truth of synthetic slides), {@code colour}, {@code io}. Never JavaFX,
 * {@code viewer} or {@code app}.
 */
package org.marrowscope.eval;
