package org.marrowscope.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.marrowscope.model.ModelBundleException.Kind;
import org.marrowscope.model.ModelManifest.FileEntry;

/**
 * A bundle's one identity: SHA-256 over the exact bytes of {@code model.json} and every listed file's path and
 * (verified) SHA-256. The manifest is in it because it changes what the weights mean: swapping two class names
 * turns AML into ALL and flipping {@code goodIndex} inverts stage 1 without touching a weight file, and a
 * digest over the weight files alone would record the same model for both. Results record this digest
 * ({@code ModelInfo.sha256}), and signatures ({@link BundleSignature}) sign it.
 */
public final class BundleDigest {

    private static final byte[] DOMAIN = "marrowscope-bundle-digest-v1\0".getBytes(StandardCharsets.US_ASCII);

    private BundleDigest() {
    }

    static String of(byte[] manifestJson, ModelManifest manifest) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(DOMAIN);
            sha.update(Long.toString(manifestJson.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(manifestJson);
            for (FileEntry f : manifest.files()) {
                sha.update((f.path() + "\0" + f.sha256() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Verifies a bundle (manifest, limits, every file's hash) and returns its manifest with its digest. The
     * manifest's bytes are read before and after verification; a bundle edited in between is refused rather than
     * recorded under a digest of other bytes than those checked.
     */
    public static Verified verify(Path dir) throws ModelBundleException {
        return verify(dir, BundleSignature.Policy.current());
    }

    /** As {@link #verify(Path)}, under an explicit signature policy. */
    public static Verified verify(Path dir, BundleSignature.Policy policy) throws ModelBundleException {
        Path folder = dir.toAbsolutePath().normalize();
        byte[] before = readManifest(folder);
        ModelManifest manifest = ManifestReader.read(folder);
        ManifestLimits.check(folder, manifest);
        byte[] after = readManifest(folder);
        if (!java.util.Arrays.equals(before, after)) {
            throw new ModelBundleException(Kind.INVALID_FIELD, folder, ManifestReader.MANIFEST,
                    "changed while it was being verified; try again");
        }
        String digest = of(after, manifest);
        BundleSignature.check(folder, digest, policy);
        return new Verified(folder, manifest, digest);
    }

    private static byte[] readManifest(Path dir) throws ModelBundleException {
        try {
            return Files.readAllBytes(dir.resolve(ManifestReader.MANIFEST));
        } catch (IOException e) {
            // ManifestReader names a missing folder or manifest precisely; let it.
            ManifestReader.read(dir);
            throw new ModelBundleException(Kind.MISSING_MANIFEST, dir, ManifestReader.MANIFEST, "cannot read: " + e, e);
        }
    }

    /** A verified bundle: folder, manifest and digest. */
    public record Verified(Path directory, ModelManifest manifest, String digest) {
    }
}
