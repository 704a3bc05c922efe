/**
 * A little-endian tiled pyramidal TIFF writer that OpenSlide reads, tile by tile in bounded memory, from any
 * {@code RegionRenderer}.
 *
 * <p>May import: {@code io}.
 */
package org.marrowscope.synth.tiff;
