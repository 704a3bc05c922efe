/**
 * Synthetic Wright-Giemsa bone marrow smears written as pyramidal TIFFs with a ground-truth sidecar: the writer and
 * the truth format. The parts are in {@code synth.smear} (what is drawn where), {@code synth.cells} (each cell) and
 * {@code synth.tiff} (the file).
 *
 * <p>May import: {@code synth.smear}, {@code synth.tiff}, {@code io}.
 */
package org.marrowscope.synth;
