package org.marrowscope.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.marrowscope.model.GradCam;
import org.marrowscope.model.GradCamMap;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.pipeline.RoiImages;
import org.marrowscope.slide.SlideException;

/**
 * Where the gallery's Grad-CAM maps come from: one classifier of the result, at one layer. When its bundle cannot
 * be found (models moved or replaced) the report still comes out, without maps, and says why.
 */
public final class GradCamProvider {

    /** Computes the map of a ROI (given as the models saw it) for a class index of the classifier. */
    @FunctionalInterface
    public interface Source {
        GradCamMap compute(RoiResult roi, BufferedImage tile, int classIndex) throws Exception;

        /** Starts computing a map that {@link #compute} will be asked for soon; by default nothing. */
        default void prefetch(RoiResult roi, BufferedImage tile, int classIndex) {
        }
    }

    /**
     * Computes Grad-CAM from a tile the caller already holds (the inference service of the app and the command
     * line): the report reads its ROIs from the one slide it has open, so no map reopens the slide.
     */
    @FunctionalInterface
    public interface Engine {
        CompletableFuture<GradCamMap> gradCam(BufferedImage tile, Path classifier, int classIndex, GradCam.Layer layer,
                String device);
    }

    /** A map could not be computed for a reason that is not a bug (model files, slide reads). */
    static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ModelInfo model;
    private final GradCam.Layer layer;
    private final Source source;
    private final String unavailable;

    private GradCamProvider(ModelInfo model, GradCam.Layer layer, Source source, String unavailable) {
        this.model = model;
        this.layer = layer;
        this.source = source;
        this.unavailable = unavailable;
    }

    /** No maps; {@code reason} is printed in the report where they would be. */
    public static GradCamProvider unavailable(String reason) {
        return new GradCamProvider(null, null, null, reason);
    }

    /** Maps of {@code model} at {@code layer} from any source (tests, a loaded {@link GradCam}). */
    public static GradCamProvider of(ModelInfo model, GradCam.Layer layer, Source source) {
        return new GradCamProvider(model, layer, source, null);
    }

    /**
     * Maps computed by an engine (the inference service: warm models, the inference thread) from the tiles the
     * report reads. The report asks for its gallery's maps up front, so they are computed while the pages are laid
     * out; the provider keeps them, so it belongs to one result (a second export reuses them).
     *
     * @param slide the slide the result was made from, named in failure messages
     * @param classifier the bundle folder of {@code model}, one of the result's classifiers
     */
    public static GradCamProvider fromService(Engine engine, Path slide, ClassificationResult result, ModelInfo model,
            Path classifier, GradCam.Layer layer, String device) {
        return of(model, layer, new Source() {
            private final Map<List<Integer>, CompletableFuture<GradCamMap>> started = new ConcurrentHashMap<>();

            @Override
            public void prefetch(RoiResult roi, BufferedImage tile, int classIndex) {
                future(roi, tile, classIndex);
            }

            @Override
            public GradCamMap compute(RoiResult roi, BufferedImage tile, int classIndex) throws Exception {
                try {
                    return future(roi, tile, classIndex).get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                            ? ce.getCause() : e.getCause();
                    throw cause instanceof Exception failure ? new Exception(slide.getFileName() + ", ROI " + (roi.index() + 1)
                            + ": " + failure.getMessage(), failure) : e;
                }
            }

            private CompletableFuture<GradCamMap> future(RoiResult roi, BufferedImage tile, int classIndex) {
                int position = position(result, roi);
                return started.computeIfAbsent(List.of(position, classIndex),
                        k -> engine.gradCam(tile, classifier, classIndex, layer, device));
            }
        });
    }

    private static int position(ClassificationResult result, RoiResult roi) {
        List<RoiResult> rois = result.rois();
        int i = roi.index();
        return i >= 0 && i < rois.size() && rois.get(i).equals(roi) ? i : rois.indexOf(roi);
    }

    public boolean available() {
        return unavailable == null;
    }

    /** Why there are no maps; empty when there are. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    /** The classifier the maps explain; null when unavailable. */
    public ModelInfo model() {
        return model;
    }

    /** "tiny-cnn 1.0, penultimate layer", for captions. */
    public String description() {
        return available() ? model.name() + " " + model.version() + ", " + layer.name().toLowerCase(Locale.ROOT) + " layer"
                : "not available";
    }

    /**
     * Starts computing the maps of these ROIs for their predicted classes, where the source can work ahead; the
     * tiles come from the caller's open slide.
     */
    void prefetch(List<RoiResult> rois, RoiImages images) throws SlideException {
        for (RoiResult roi : rois) {
            int classIndex = model.classes().indexOf(roi.ensembleLabel());
            if (classIndex >= 0) {
                source.prefetch(roi, images.read(roi), classIndex);
            }
        }
    }

    /**
     * The map of {@code roi} for {@code className}.
     *
     * @throws Failure when the model or the slide failed (the gallery goes on without maps)
     * @throws InterruptedException when the report is being cancelled
     */
    GradCamMap compute(RoiResult roi, BufferedImage tile, String className) throws Failure, InterruptedException {
        if (!available()) {
            throw new IllegalStateException("Grad-CAM is not available: " + unavailable);
        }
        int classIndex = model.classes().indexOf(className);
        if (classIndex < 0) {
            throw new Failure(model.name() + " has no class " + className, null);
        }
        try {
            return source.compute(roi, tile, classIndex);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Failure("Grad-CAM failed: " + e.getMessage(), e);
        }
    }
}
