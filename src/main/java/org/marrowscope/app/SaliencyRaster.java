package org.marrowscope.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;
import org.marrowscope.pipeline.maps.SaliencyMap;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.viewer.FxImages;
import org.marrowscope.colour.SaliencyScale;

/** The saliency map as a heat image, on a raster the size of a large thumbnail (the map is smooth anyway). */
final class SaliencyRaster {

    static final int EDGE = 512;

    private SaliencyRaster() {
    }

    static CompletableFuture<Image> compute(ClassificationResult result, Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            long w = result.slide().width();
            long h = result.slide().height();
            double f = (double) EDGE / Math.max(w, h);
            int rw = (int) Math.max(1, Math.round(w * f));
            int rh = (int) Math.max(1, Math.round(h * f));
            SaliencyMap map = SaliencyMap.compute(result, rw, rh, SaliencyMap.defaultBandwidth(result));
            float[] s = map.saliency();
            int[] argb = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                argb[i] = SaliencyScale.argb(s[i]);
            }
            return FxImages.fromArgb(argb, rw, rh);
        }, executor);
    }
}
