package org.marrowscope.synth.cells;

/**
 * Where on the smear a cell lies, as it affects its look.
 *
 * @param pxPerUm scan resolution (4 at 0.25 um/px)
 * @param feather edge ramp in pixels: anti-aliasing plus local focus blur
 * @param sharpness 1 in focus, towards 0 where out of focus (fine texture fades)
 * @param sizeScale cells in thick areas do not spread and look smaller
 * @param darkness absorbance multiplier: thick areas stain darker
 * @param palette the slide's stain
 */
public record CellEnv(double pxPerUm, double feather, double sharpness, double sizeScale, double darkness,
                      StainPalette palette) {}
