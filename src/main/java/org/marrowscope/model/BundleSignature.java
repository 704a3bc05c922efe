package org.marrowscope.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.marrowscope.io.UserFolders;
import org.marrowscope.model.ModelBundleException.Kind;

/**
 * Optional detached Ed25519 signatures of bundles. {@code bundle.sig} (Base64) signs the ASCII text
 * {@code marrowscope-bundle-v1:DIGEST} ({@link BundleDigest}), so it covers the manifest and every weight file.
 * Trusted public keys are PEM files ({@code *.pub}, X.509 "PUBLIC KEY") in a keyring folder that the lab
 * controls: {@code -Dmarrowscope.trustedKeys}, {@code MARROWSCOPE_TRUSTED_KEYS}, else
 * {@code $XDG_CONFIG_HOME/marrowscope/trusted-keys}.
 *
 * <p>Policy: a signature that no trusted key verifies is refused whenever trusted keys exist (a signed bundle that
 * was changed is tampered with, not unsigned). With {@code -Dmarrowscope.requireSignedModels=true} or
 * {@code MARROWSCOPE_REQUIRE_SIGNED_MODELS=true} (the command line's {@code --require-signed}), an unsigned bundle is
 * refused too.
 */
public final class BundleSignature {

    public static final String FILE = "bundle.sig";
    static final String ALGORITHM = "Ed25519";

    private BundleSignature() {
    }

    /** Whether unsigned bundles are refused, and where the trusted keys are. */
    public record Policy(boolean requireSigned, Path keyring) {

        /** Signatures not required and no keyring (listing and signing only check hashes and limits). */
        public static final Policy LENIENT = new Policy(false, null);

        /** From the system properties and environment (see the class comment). */
        public static Policy current() {
            String require = System.getProperty(REQUIRE_PROPERTY,
                    System.getenv().getOrDefault("MARROWSCOPE_REQUIRE_SIGNED_MODELS", "false"));
            String keys = System.getProperty(KEYS_PROPERTY, System.getenv("MARROWSCOPE_TRUSTED_KEYS"));
            return new Policy(Boolean.parseBoolean(require.trim().toLowerCase(Locale.ROOT)),
                    keys != null && !keys.isBlank() ? Path.of(keys) : UserFolders.config().resolve("trusted-keys"));
        }

        /**
         * This policy with a user's choice on top, as the command line's options and the desktop's settings give it:
         * requiring signatures can only be added (a lab's MARROWSCOPE_REQUIRE_SIGNED_MODELS is not undone), and a
         * keyring given replaces this one.
         *
         * @param keyring the chosen keyring folder, or null to keep this one
         */
        public Policy with(boolean require, Path keyring) {
            return new Policy(requireSigned || require, keyring != null ? keyring : this.keyring);
        }

        /**
         * Makes this the process's policy ({@link #current()}) until closed, so that every bundle loaded meanwhile,
         * by whichever part of MarrowScope, is checked under it. Closing restores what was there before.
         */
        public Installed install() {
            String oldRequire = System.getProperty(REQUIRE_PROPERTY);
            String oldKeys = System.getProperty(KEYS_PROPERTY);
            System.setProperty(REQUIRE_PROPERTY, Boolean.toString(requireSigned));
            if (keyring != null) {
                System.setProperty(KEYS_PROPERTY, keyring.toString());
            }
            return () -> {
                restore(REQUIRE_PROPERTY, oldRequire);
                restore(KEYS_PROPERTY, oldKeys);
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

    /** An installed policy; closing it restores the one before (it cannot fail). */
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }

    static final String REQUIRE_PROPERTY = "marrowscope.requireSignedModels";
    static final String KEYS_PROPERTY = "marrowscope.trustedKeys";

    /** The text a signature signs. */
    static byte[] message(String digest) {
        return ("marrowscope-bundle-v1:" + digest).getBytes(StandardCharsets.US_ASCII);
    }

    /** Checks the bundle's signature under the current policy. */
    static void check(Path dir, String digest) throws ModelBundleException {
        check(dir, digest, Policy.current());
    }

    static void check(Path dir, String digest, Policy policy) throws ModelBundleException {
        Path sigFile = dir.resolve(FILE);
        boolean signed = Files.isRegularFile(sigFile);
        if (!signed) {
            if (policy.requireSigned()) {
                throw new ModelBundleException(Kind.SIGNATURE, dir, null, "signed bundles are required and this one has no "
                        + FILE);
            }
            return;
        }
        List<PublicKey> keys = trustedKeys(dir, policy.keyring());
        if (keys.isEmpty()) {
            if (policy.requireSigned()) {
                throw new ModelBundleException(Kind.SIGNATURE, dir, FILE, "signed bundles are required but no trusted key"
                        + " is installed in " + policy.keyring());
            }
            return;
        }
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(Files.readString(sigFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelBundleException(Kind.SIGNATURE, dir, FILE, "is not a Base64 signature: " + e.getMessage(), e);
        }
        for (PublicKey key : keys) {
            if (verifies(key, digest, signature)) {
                return;
            }
        }
        throw new ModelBundleException(Kind.SIGNATURE, dir, FILE, "no trusted key in " + policy.keyring()
                + " verifies this signature: the bundle was changed after signing, or signed by an unknown key");
    }

    static boolean verifies(PublicKey key, String digest, byte[] signature) {
        try {
            Signature v = Signature.getInstance(ALGORITHM);
            v.initVerify(key);
            v.update(message(digest));
            return v.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Signs a verified bundle: writes {@code bundle.sig}. For the lab's release step and the tests. */
    public static Path sign(Path dir, PrivateKey key) throws ModelBundleException, IOException {
        BundleDigest.Verified v = BundleDigest.verify(dir, Policy.LENIENT);
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message(v.digest()));
            Path file = v.directory().resolve(FILE);
            Files.writeString(file, Base64.getEncoder().encodeToString(s.sign()) + "\n", StandardCharsets.US_ASCII);
            return file;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign with this key (an Ed25519 private key is needed): " + e.getMessage(), e);
        }
    }

    /** PEM text of a public key, as the keyring holds it. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static List<PublicKey> trustedKeys(Path dir, Path keyring) throws ModelBundleException {
        List<PublicKey> keys = new ArrayList<>();
        if (keyring == null || !Files.isDirectory(keyring)) {
            return keys;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(keyring, "*.pub")) {
            for (Path f : files) {
                String pem = Files.readString(f, StandardCharsets.US_ASCII)
                        .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
                try {
                    keys.add(KeyFactory.getInstance(ALGORITHM).generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(pem))));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new ModelBundleException(Kind.SIGNATURE, dir, null, "the trusted key " + f
                            + " is not an Ed25519 public key in PEM: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new ModelBundleException(Kind.SIGNATURE, dir, null, "cannot read the trusted keys in " + keyring + ": "
                    + e, e);
        }
        return keys;
    }
}
