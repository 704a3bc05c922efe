package org.marrowscope.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
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
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelCatalog;

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
        default void prefetch(RoiResult roi, int classIndex) {
        }
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
     * Maps computed by the inference service (the desktop app's and the command line's path: warm models, the
     * inference thread). The report asks for its gallery's maps up front, so the service computes them while the
     * pages are laid out; the provider keeps them, so it belongs to one result (a second export reuses them).
     *
     * @param classifier the bundle folder of {@code model}, one of the result's classifiers
     */
    public static GradCamProvider fromService(InferenceService service, Path slide, ClassificationResult result,
            ModelInfo model, Path classifier, GradCam.Layer layer, String device) {
        return of(model, layer, new Source() {
            private final Map<List<Integer>, CompletableFuture<GradCamMap>> started = new ConcurrentHashMap<>();

            @Override
            public void prefetch(RoiResult roi, int classIndex) {
                future(roi, classIndex);
            }

            @Override
            public GradCamMap compute(RoiResult roi, BufferedImage tile, int classIndex) throws Exception {
                try {
                    return future(roi, classIndex).get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }

            private CompletableFuture<GradCamMap> future(RoiResult roi, int classIndex) {
                int position = position(result, roi);
                return started.computeIfAbsent(List.of(position, classIndex),
                        k -> service.gradCam(slide, result, position, classifier, classIndex, layer, device));
            }
        });
    }

    /**
     * Finds a bundle of one of the result's classifiers (first match in the result's order) in {@code modelFolders}
     * by its hash, and computes maps with it through the service; unavailable, with the reason, when none is there.
     */
    public static GradCamProvider locate(InferenceService service, Path slide, ClassificationResult result,
            List<Path> modelFolders, GradCam.Layer layer, String device) {
        if (!result.classifiable()) {
            return unavailable("the slide was not classifiable");
        }
        ModelCatalog catalog;
        try {
            catalog = ModelCatalog.scan(modelFolders);
        } catch (IOException e) {
            return unavailable(e.getMessage());
        }
        for (ModelInfo model : result.classifiers()) {
            Optional<ModelCatalog.Entry> found = catalog.find(model);
            if (found.isPresent()) {
                return fromService(service, slide, result, model, found.get().directory(), layer, device);
            }
        }
        return unavailable("no bundle of the classifiers used ("
                + String.join(", ", result.classifiers().stream().map(m -> m.name() + " " + m.version()).toList())
                + ") was found in " + modelFolders + " with the same SHA-256");
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

    /** Starts computing the maps of these ROIs for their predicted classes, where the source can work ahead. */
    void prefetch(List<RoiResult> rois) {
        for (RoiResult roi : rois) {
            int classIndex = model.classes().indexOf(roi.ensembleLabel());
            if (classIndex >= 0) {
                source.prefetch(roi, classIndex);
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
