package org.marrowscope.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.marrowscope.model.BundleDigest;
import org.marrowscope.model.BundleSignature;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.service.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lists bundles with their digests and signature state, and signs them for the lab's keyring. */
@Command(name = "models", mixinStandardHelpOptions = true,
        header = "List model bundles with their digest and signature.",
        description = {"List model bundles (name, version, role, bundle digest, signed or not) and refuse nothing silently:"
            + " a bundle that fails verification is listed with its problem and the command exits 21.",
            "With --sign KEY.pem, write each bundle's bundle.sig (Ed25519, see README: Model bundles)."})
final class ModelsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Bundle folders or folders of bundles (default: the"
            + " installation's models/).")
    List<Path> folders;

    @Option(names = "--sign", paramLabel = "KEY.pem", description = "Ed25519 private key (PKCS#8 PEM, e.g. from"
            + " openssl genpkey -algorithm ed25519) to sign every valid bundle listed.")
    Path signingKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> dirs = folders == null || folders.isEmpty() ? List.of(ModelCatalog.defaultModelsFolder()) : folders;
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw ModelBundleException.missingFolder(d);
            }
        }
        PrivateKey key = signingKey == null ? null : privateKey(signingKey);
        // Listing and signing check hashes and limits; whether a signature is trusted is the classify run's business.
        BundleSignature.Policy lenient = BundleSignature.Policy.LENIENT;
        ModelCatalog catalog = ModelCatalog.scan(dirs);
        for (ModelCatalog.Entry e : catalog.valid()) {
            BundleDigest.Verified v = BundleDigest.verify(e.directory(), lenient);
            if (key != null) {
                BundleSignature.sign(e.directory(), key);
            }
            boolean signed = Files.isRegularFile(e.directory().resolve(BundleSignature.FILE));
            out.printf("%s %s (%s%s) %s digest %s%s%n", v.manifest().name(), v.manifest().version(),
                    v.manifest().role().name().toLowerCase(java.util.Locale.ROOT), v.manifest().demo() ? ", demonstration"
                            : "", Printable.path(e.directory()), v.digest(), signed ? ", signed" : ", unsigned");
        }
        catalog.invalid().forEach(e -> err.println("marrowscope: " + e.getMessage()));
        out.flush();
        return catalog.invalid().isEmpty() ? ExitCodes.OK : ExitCodes.MODEL_INVALID;
    }

    private static PrivateKey privateKey(Path pem) {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--sign " + pem + " is not an Ed25519 private key in PKCS#8 PEM: "
                    + e.getMessage(), e);
        }
    }
}
