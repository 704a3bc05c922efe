package org.marrowscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.model.BundleCompatibility;
import org.marrowscope.model.BundleDigest;
import org.marrowscope.model.BundleSignature;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.pipeline.result.LeftOutModel;
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

    @Option(names = "--require-signed", description = "Refuse bundles without a bundle.sig that a trusted key verifies "
            + "(also -Dmarrowscope.requireSignedModels=true or MARROWSCOPE_REQUIRE_SIGNED_MODELS=true).")
    boolean requireSigned;

    @Option(names = "--trusted-keys", paramLabel = "DIR", description = "Folder of trusted Ed25519 public keys (*.pub, PEM);"
            + " default: $XDG_CONFIG_HOME/marrowscope/trusted-keys.")
    Path trustedKeys;

    @Option(names = "--skip-failed-bundles", description = "Run without the bundles that fail verification instead of"
            + " stopping (exit 21): each is named on stderr and in every result, classified results are flagged uncertain,"
            + " and the run exits 3. Still exit 21 when no quality model or no classifier is left.")
    boolean skipFailed;

    /** What the last {@link #selection} left out, for the command's exit code. */
    private List<LeftOutModel> leftOut = List.of();

    /**
     * Explicit bundles win; what is not given comes from the model folders' default selection. Every bundle used is
     * verified here, before any slide is read. A bundle that fails verification is an error naming it (exit 21),
     * never silently left out of the ensemble; with {@code --skip-failed-bundles} it is left out openly: named on
     * {@code err} here and recorded in the selection, hence in every result.
     */
    ModelSelection selection(PrintWriter err) throws IOException, ModelBundleException {
        BundleSignature.Policy policy = policy();
        List<LeftOutModel> skipped = new ArrayList<>();
        boolean classifiersGiven = classifierModels != null && !classifierModels.isEmpty();
        ModelSelection chosen;
        if (qualityModel != null && classifiersGiven) {
            chosen = new ModelSelection(qualityModel, classifierModels);
        } else {
            List<Path> folders = modelFolders == null || modelFolders.isEmpty()
                    ? List.of(ModelCatalog.defaultModelsFolder()) : modelFolders;
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    throw ModelBundleException.missingFolder(folder);
                }
            }
            ModelCatalog catalog = ModelCatalog.scan(folders);
            if (!catalog.invalid().isEmpty()) {
                if (!skipFailed) {
                    throw catalog.invalid().getFirst();
                }
                catalog.invalid().forEach(e -> skipped.add(leftOut(e)));
            }
            ModelSelection found;
            try {
                found = catalog.defaultSelection();
            } catch (IllegalArgumentException e) {
                if (skipped.isEmpty()) {
                    throw e;
                }
                // What is missing was there but failed: a bundle problem, not a command-line one.
                throw ModelBundleException.noneLeft(folders.getFirst(), e.getMessage());
            }
            chosen = new ModelSelection(qualityModel != null ? qualityModel : found.quality(),
                    classifiersGiven ? classifierModels : found.classifiers());
        }
        BundleDigest.Verified quality = BundleDigest.verify(chosen.quality(), policy);
        List<BundleDigest.Verified> classifiers = new ArrayList<>();
        for (Path c : chosen.classifiers()) {
            try {
                classifiers.add(BundleDigest.verify(c, policy));
            } catch (ModelBundleException e) {
                if (!skipFailed) {
                    throw e;
                }
                skipped.add(leftOut(e));
            }
        }
        if (classifiers.isEmpty()) {
            throw ModelBundleException.noneLeft(chosen.classifiers().getFirst(), "no classifier (stage 2) is left: "
                    + String.join("; ", skipped.stream().map(m -> m.name() + ": " + m.problem()).toList()));
        }
        BundleCompatibility.check(quality, classifiers);
        for (LeftOutModel m : skipped) {
            err.println("marrowscope: warning: model bundle " + Printable.text(m.name()) + " left out"
                    + " (--skip-failed-bundles): " + Printable.text(m.problem()));
        }
        err.flush();
        leftOut = List.copyOf(skipped);
        return new ModelSelection(quality.directory(), classifiers.stream().map(BundleDigest.Verified::directory).toList(),
                skipped);
    }

    /** The command's exit code: a run that left bundles out had a problem even when every slide went well. */
    int exitCode(int code) {
        return code == ExitCodes.OK && !leftOut.isEmpty() ? ExitCodes.SOME_SLIDES_FAILED : code;
    }

    private static LeftOutModel leftOut(ModelBundleException e) {
        String problem = (e.file() == null ? "" : e.file() + ": ") + e.problem();
        if (e.bundle() == null || e.bundle().getFileName() == null) {
            return new LeftOutModel(String.valueOf(e.bundle()), null, problem);
        }
        return new LeftOutModel(e.bundle().getFileName().toString(), role(e.bundle()), problem);
    }

    /** The role its manifest states, when the manifest can be read at all (it may be what failed). */
    private static String role(Path bundle) {
        try {
            String role = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bundle.resolve("model.json").toFile())
                    .path("role").asText(null);
            return "quality".equals(role) || "classifier".equals(role) ? role : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The signature policy of this command: the options over the process's ({@link BundleSignature.Policy#current}),
     * by the rule the desktop's settings follow too ({@link BundleSignature.Policy#with}).
     */
    BundleSignature.Policy policy() {
        return BundleSignature.Policy.current().with(requireSigned, trustedKeys);
    }

    /**
     * Makes the options the process's policy until closed: bundles are loaded later by the service under the current
     * policy.
     */
    AutoCloseable applyPolicy() {
        return policy().install();
    }
}
