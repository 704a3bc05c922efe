package org.marrowscope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.marrowscope.service.ModelCatalog;
import org.marrowscope.service.ModelSelection;
import picocli.CommandLine.Option;

/** The model options `classify` and `evaluate` share, and how they resolve to a selection. */
final class ModelOptions {

    @Option(names = "--models", paramLabel = "DIR", description = "Model folders (a bundle, or a folder of bundles); "
            + "default: the installation's models/. The quality model and every classifier found are used.")
    List<Path> modelFolders;

    @Option(names = "--quality-model", paramLabel = "DIR", description = "Stage-1 bundle to use (overrides --models).")
    Path qualityModel;

    @Option(names = "--classifier", paramLabel = "DIR", description = "Stage-2 bundle(s) to use (overrides --models).")
    List<Path> classifierModels;

    /** Explicit bundles win; what is not given comes from the model folders' default selection. */
    ModelSelection selection() throws IOException {
        boolean classifiersGiven = classifierModels != null && !classifierModels.isEmpty();
        if (qualityModel != null && classifiersGiven) {
            return new ModelSelection(qualityModel, classifierModels);
        }
        List<Path> folders = modelFolders == null || modelFolders.isEmpty()
                ? List.of(ModelCatalog.defaultModelsFolder()) : modelFolders;
        ModelSelection found = ModelCatalog.scan(folders).defaultSelection();
        return new ModelSelection(qualityModel != null ? qualityModel : found.quality(),
                classifiersGiven ? classifierModels : found.classifiers());
    }
}
