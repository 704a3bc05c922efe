package org.marrowscope.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.marrowscope.model.GradCam;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.report.GradCamProvider;

/** Finds the bundle a report's Grad-CAM maps need among the installed models (the report itself knows no folders). */
public final class GradCamLookup {

    private GradCamLookup() {
    }

    /**
     * Finds a bundle of one of the result's classifiers (first match in the result's order) in {@code modelFolders}
     * by its hash, and computes maps with it through the service; unavailable, with the reason, when none is there.
     */
    public static GradCamProvider locate(InferenceService service, Path slide, ClassificationResult result,
            List<Path> modelFolders, GradCam.Layer layer, String device) {
        if (!result.classifiable()) {
            return GradCamProvider.unavailable("the slide was not classifiable");
        }
        ModelCatalog catalog;
        try {
            catalog = ModelCatalog.scan(modelFolders);
        } catch (IOException e) {
            return GradCamProvider.unavailable(e.getMessage());
        }
        for (ModelInfo model : result.classifiers()) {
            Optional<ModelCatalog.Entry> found = catalog.find(model);
            if (found.isPresent()) {
                return GradCamProvider.fromService(service, slide, result, model, found.get().directory(), layer, device);
            }
        }
        return GradCamProvider.unavailable("no bundle of the classifiers used ("
                + String.join(", ", result.classifiers().stream().map(m -> m.name() + " " + m.version()).toList())
                + ") was found in " + modelFolders + " with the same SHA-256");
    }
}
