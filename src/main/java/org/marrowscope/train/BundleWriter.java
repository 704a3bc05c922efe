package org.marrowscope.train;

import ai.djl.Device;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.ModelManifest.FileEntry;
import org.marrowscope.model.ModelManifest.Provenance;

/**
 * Writes a trained model as a complete bundle (README, "Model bundles"): the trained stage files, and a {@code
 * model.json} that keeps the starting bundle's classes, input recipe and Grad-CAM layers and states the new
 * provenance. The bundle is assembled in a sibling folder, loaded back through {@link ModelBundle#load} (hashes,
 * shapes, a dry run), and only then put in place of {@code out}: a failed or cancelled run never leaves a
 * half-written or unloadable bundle.
 */
final class BundleWriter {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private BundleWriter() {
    }

    /**
     * @param out the bundle folder to create or replace
     * @param start the manifest training started from
     * @param weights folder holding the trained stage files (same names as the starting bundle's)
     * @return the written manifest
     */
    static ModelManifest write(Path out, ModelManifest start, Path weights, String name, String version,
            boolean demo, Provenance provenance, String intendedUse) throws IOException, ModelBundleException {
        return write(out, start, weights, name, version, demo, provenance, intendedUse, null);
    }

    /**
     * As {@link #write(Path, ModelManifest, Path, String, String, boolean, Provenance, String)}, with a
     * {@code calibration.json} for these very weights (null: none). A starting bundle's calibration is never
     * carried over: it describes the weights it was derived for, not the trained ones.
     */
    static ModelManifest write(Path out, ModelManifest start, Path weights, String name, String version,
            boolean demo, Provenance provenance, String intendedUse, byte[] calibration)
            throws IOException, ModelBundleException {
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        // Not createTempDirectory: its owner-only permissions would follow the bundle into an installation.
        Path staging = Files.createDirectory(target.resolveSibling("." + target.getFileName() + ".writing-"
                + Long.toHexString(System.nanoTime())));
        try {
            List<FileEntry> files = new ArrayList<>();
            for (FileEntry f : start.files()) {
                if (f.purpose() == ModelManifest.Purpose.CALIBRATION) {
                    continue;
                }
                Path copy = staging.resolve(f.path());
                Files.createDirectories(copy.getParent());
                Files.copy(weights.resolve(f.path()), copy, StandardCopyOption.REPLACE_EXISTING);
                files.add(new FileEntry(f.path(), sha256(copy), f.purpose()));
            }
            if (calibration != null) {
                Path file = staging.resolve(ModelCalibration.FILE);
                Files.write(file, calibration);
                files.add(new FileEntry(ModelCalibration.FILE, sha256(file), ModelManifest.Purpose.CALIBRATION));
            }
            ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, name, version, start.role(), demo,
                    start.classes(), start.goodIndex(), start.input(), files, start.gradCam(), provenance, intendedUse);
            Files.write(staging.resolve("model.json"), JSON.writeValueAsBytes(manifest));
            try (ModelBundle check = ModelBundle.load(staging, Device.cpu())) {
                manifest = check.manifest();
            }
            replace(staging, target);
            return manifest;
        } finally {
            deleteTree(staging);
        }
    }

    /** Moves {@code staging} to {@code target}, replacing an existing bundle there. */
    private static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".replaced-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
