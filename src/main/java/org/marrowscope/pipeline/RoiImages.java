package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.pipeline.result.RunParameters;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;

/** Reads a saved result's ROI exactly as the models saw it (same scale, same stain normalisation). */
public final class RoiImages {

    private final TileReader reader;

    public RoiImages(Slide slide, RunParameters parameters) {
        TileGeometry geometry = TileGeometry.forScale(parameters.tilePixels(), parameters.stridePixels(),
                parameters.modelMicronsPerPixel(), parameters.slideMicronsPerPixel());
        this.reader = new TileReader(slide, geometry, new BackgroundRule(parameters.whiteMin(), parameters.blackMax()),
                ReinhardNormaliser.fromList(parameters.stainTarget()));
    }

    public BufferedImage read(RoiResult roi) throws SlideException {
        return reader.read(new Tile(-1, -1, roi.x(), roi.y(), roi.size()));
    }
}
