package org.marrowscope.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.marrowscope.model.BundleDigest;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.ModelManifest.Role;
import org.marrowscope.pipeline.result.ModelInfo;

/**
 * The model bundles found in folders (the bundled {@code models/} and any the user adds). Each entry is
 * verified (manifest and SHA-256 of every file) without starting PyTorch; invalid bundles are listed with
 * their problem rather than hidden.
 */
public record ModelCatalog(List<Entry> valid, List<ModelBundleException> invalid) {

    /** A verified bundle, with its digest ({@link org.marrowscope.model.BundleDigest}). */
    public record Entry(Path directory, ModelManifest manifest, String digest) {
        public boolean isQuality() {
            return manifest.role() == Role.QUALITY;
        }

        /** What a result records of this bundle (name, version, hash, demo flag). */
        public ModelInfo info() {
            return ModelAdapters.info(manifest, digest);
        }
    }

    public ModelCatalog {
        valid = List.copyOf(valid);
        invalid = List.copyOf(invalid);
    }

    /** The models folder of this installation: {@code $MARROWSCOPE_HOME/models}, else {@code ./models}. */
    public static Path defaultModelsFolder() {
        String home = System.getProperty("marrowscope.home");
        return home != null ? Path.of(home, "models") : Path.of("models");
    }

    /**
     * Scans folders: a folder holding {@code model.json} is one bundle; otherwise each subfolder with a
     * {@code model.json} is.
     */
    public static ModelCatalog scan(List<Path> folders) throws IOException {
        List<Entry> valid = new ArrayList<>();
        List<ModelBundleException> invalid = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IOException("Model folder not found: " + folder.toAbsolutePath());
            }
            for (Path bundle : bundlesIn(folder)) {
                try {
                    BundleDigest.Verified v = BundleDigest.verify(bundle);
                    valid.add(new Entry(bundle, v.manifest(), v.digest()));
                } catch (ModelBundleException e) {
                    invalid.add(e);
                }
            }
        }
        return new ModelCatalog(valid, invalid);
    }

    /** The bundle a result's model came from: same bundle hash, wherever the folder is now. */
    public Optional<Entry> find(ModelInfo model) {
        return valid.stream().filter(e -> e.info().sha256().equals(model.sha256())).findFirst();
    }

    private static List<Path> bundlesIn(Path folder) throws IOException {
        if (Files.isRegularFile(folder.resolve("model.json"))) {
            return List.of(folder);
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("model.json"))).sorted(Comparator.naturalOrder()).toList();
        }
    }

    /**
     * The default selection: the only quality model and every classifier (the ensemble).
     *
     * @throws IllegalArgumentException naming what is missing or ambiguous
     */
    public ModelSelection defaultSelection() {
        List<Entry> quality = valid.stream().filter(Entry::isQuality).toList();
        List<Path> classifiers = valid.stream().filter(e -> !e.isQuality()).map(Entry::directory).toList();
        if (quality.isEmpty()) {
            throw new IllegalArgumentException("no quality (stage 1) model found" + invalidNote());
        }
        if (quality.size() > 1) {
            throw new IllegalArgumentException("several quality models found (" + String.join(", ",
                    quality.stream().map(e -> e.directory().getFileName().toString()).toList())
                    + "): pass the one to use with --quality-model");
        }
        if (classifiers.isEmpty()) {
            throw new IllegalArgumentException("no classifier (stage 2) model found" + invalidNote());
        }
        return new ModelSelection(quality.getFirst().directory(), classifiers);
    }

    private String invalidNote() {
        return invalid.isEmpty() ? "" : "; refused: " + String.join("; ", invalid.stream().map(Exception::getMessage).toList());
    }
}
