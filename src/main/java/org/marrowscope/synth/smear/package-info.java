/**
 * The smear as a whole: which cells and artefacts lie where (deterministic from the seed, whatever the tiling),
 * background, stain variation, the per-tile quality truth, and the renderer the TIFF writer draws from.
 *
 * <p>May import: {@code synth.cells}, {@code synth.tiff} (the renderer interface it implements).
 */
package org.marrowscope.synth.smear;
