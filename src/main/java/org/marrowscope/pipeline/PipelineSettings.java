package org.marrowscope.pipeline;

import org.marrowscope.pipeline.result.Uncertainty;

/**
 * The pipeline's settings (tiling, background rule, stage 1's selection, stain normalisation), each defaulting to
 * the paper's value.
 *
 * @param tilePixels tile edge at the model's scale (512)
 * @param stridePixels stride at the model's scale (256)
 * @param selection stage-1 selection parameters
 * @param background the corner rule
 * @param micronsPerPixelOverride level-0 resolution to use instead of the slide's own (null: the slide's)
 * @param stain optional Reinhard stain normalisation (null: none)
 * @param uncertainty when to flag a result uncertain
 */
public record PipelineSettings(int tilePixels, int stridePixels, SelectionSettings selection, BackgroundRule background,
        Double micronsPerPixelOverride, ReinhardNormaliser stain, Uncertainty uncertainty) {

    public static final PipelineSettings PAPER = new PipelineSettings(512, 256, SelectionSettings.PAPER,
            BackgroundRule.DEFAULT, null, null, Uncertainty.DEFAULT);

    public PipelineSettings withSelection(SelectionSettings value) {
        return new PipelineSettings(tilePixels, stridePixels, value, background, micronsPerPixelOverride, stain, uncertainty);
    }

    public PipelineSettings withMicronsPerPixel(Double value) {
        return new PipelineSettings(tilePixels, stridePixels, selection, background, value, stain, uncertainty);
    }

    public PipelineSettings withStain(ReinhardNormaliser value) {
        return new PipelineSettings(tilePixels, stridePixels, selection, background, micronsPerPixelOverride, value, uncertainty);
    }
}
