package org.marrowscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.model.BundleCompatibility;
import org.marrowscope.model.BundleDigest;
import org.marrowscope.model.BundleSignature;
import org.marrowscope.model.ModelBundleException;
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

    /**
     * Explicit bundles win; what is not given comes from the model folders' default selection. Every bundle used is
     * verified here, before any slide is read, and a bundle in a models folder that fails verification is an error
     * naming it (exit 21), never silently left out of the ensemble.
     */
    ModelSelection selection() throws IOException, ModelBundleException {
        BundleSignature.Policy policy = policy();
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
                throw catalog.invalid().getFirst();
            }
            ModelSelection found = catalog.defaultSelection();
            chosen = new ModelSelection(qualityModel != null ? qualityModel : found.quality(),
                    classifiersGiven ? classifierModels : found.classifiers());
        }
        BundleDigest.Verified quality = BundleDigest.verify(chosen.quality(), policy);
        List<BundleDigest.Verified> classifiers = new ArrayList<>();
        for (Path c : chosen.classifiers()) {
            classifiers.add(BundleDigest.verify(c, policy));
        }
        BundleCompatibility.check(quality, classifiers);
        return chosen;
    }

    /**
     * The signature policy of this command: the options, else the settings ({@link BundleSignature.Policy#current}).
     * Bundles are loaded later by the service under the current policy, so the options are also set as system
     * properties for the command's duration ({@link #applyPolicy}).
     */
    BundleSignature.Policy policy() {
        BundleSignature.Policy current = BundleSignature.Policy.current();
        return new BundleSignature.Policy(requireSigned || current.requireSigned(),
                trustedKeys != null ? trustedKeys : current.keyring());
    }

    /** Makes the options the process's policy until closed. */
    AutoCloseable applyPolicy() {
        String oldRequire = System.getProperty("marrowscope.requireSignedModels");
        String oldKeys = System.getProperty("marrowscope.trustedKeys");
        BundleSignature.Policy p = policy();
        System.setProperty("marrowscope.requireSignedModels", Boolean.toString(p.requireSigned()));
        System.setProperty("marrowscope.trustedKeys", p.keyring().toString());
        return () -> {
            restore("marrowscope.requireSignedModels", oldRequire);
            restore("marrowscope.trustedKeys", oldKeys);
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
