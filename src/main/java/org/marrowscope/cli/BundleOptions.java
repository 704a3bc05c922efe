package org.marrowscope.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What the train commands write: the bundle folder and the manifest's name, version, flags and statements. */
final class BundleOptions {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle folder to write (replaced when it exists).")
    Path out;

    @Option(names = "--name", description = "Model name (default: the output folder's name).")
    String name;

    @Option(names = "--model-version", defaultValue = "1.0.0", description = "Model version (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--demo", description = "Mark the bundle as a demonstration model (never for clinical use).")
    boolean demo;

    @Option(names = "--training-data", paramLabel = "TEXT", description = "Describe the training data in the provenance"
            + " (default: counts and file names).")
    String trainingData;

    @Option(names = "--intended-use", paramLabel = "TEXT", description = "Intended-use statement for the manifest"
            + " (default: a stage-1 or stage-2 model for MarrowScope, decision support, not a diagnosis).")
    String intendedUse;

    String name() {
        return name != null ? name : out.getFileName().toString();
    }

    String intendedUse(String stageDefault) {
        return intendedUse != null ? intendedUse : stageDefault;
    }
}
