package org.marrowscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.model.ModelBundleException.Kind;

/** Issue 12, items 2 and 9 and signatures: a bundle is one identity, range-checked, and optionally signed. */
class BundleTrustTest {

    @TempDir
    Path temp;

    private Path copy(String bundle, String as) {
        return TestFixtures.copyBundle(bundle, temp.resolve(as));
    }

    private static void editManifest(Path dir, Consumer<ObjectNode> change) throws Exception {
        ObjectNode m = (ObjectNode) TestFixtures.JSON.readTree(dir.resolve("model.json").toFile());
        change.accept(m);
        TestFixtures.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("model.json").toFile(), m);
    }

    @Test
    void swappedClassNamesOrAFlippedGoodIndexChangeTheBundleDigest() throws Exception {
        Path cnn = copy("tiny-cnn", "cnn");
        String before = BundleDigest.verify(cnn).digest();
        editManifest(cnn, m -> {
            ArrayNode classes = (ArrayNode) m.get("classes");
            String first = classes.get(0).asText();
            classes.set(0, classes.get(1).deepCopy());
            classes.set(1, com.fasterxml.jackson.databind.node.TextNode.valueOf(first));
        });
        assertThat(BundleDigest.verify(cnn).digest()).isNotEqualTo(before);

        Path quality = copy("tiny-quality", "q");
        String q = BundleDigest.verify(quality).digest();
        editManifest(quality, m -> m.put("goodIndex", 0));
        assertThat(BundleDigest.verify(quality).digest()).isNotEqualTo(q);
    }

    @Test
    void inputSizesNoModelHasAreRefused() throws Exception {
        for (int size : new int[] {1, 60000}) {
            Path dir = copy("tiny-cnn", "size-" + size);
            editManifest(dir, m -> ((ObjectNode) m.get("input")).put("size", size));
            assertThatThrownBy(() -> ModelBundle.verify(dir)).isInstanceOf(ModelBundleException.class)
                    .hasMessageContaining("input.size " + size + " is outside 16..2048")
                    .satisfies(e -> assertThat(((ModelBundleException) e).kind()).isEqualTo(Kind.INVALID_FIELD));
        }
        Path dir = copy("tiny-cnn", "control");
        editManifest(dir, m -> ((ArrayNode) m.get("classes")).set(0, com.fasterxml.jackson.databind.node.TextNode.valueOf("A\nLL")));
        assertThatThrownBy(() -> ModelBundle.verify(dir)).hasMessageContaining("printable characters");
    }

    @Test
    void aClassifierAtAnotherResolutionThanItsQualityModelIsRefused() throws Exception {
        Path cnn = copy("tiny-cnn", "cnn");
        editManifest(cnn, m -> ((ObjectNode) m.get("input")).put("micronsPerPixel", 0.25));
        BundleDigest.Verified quality = BundleDigest.verify(TestFixtures.models("tiny-quality"));
        assertThatThrownBy(() -> BundleCompatibility.check(quality, List.of(BundleDigest.verify(cnn))))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining(cnn.toString())
                .hasMessageContaining("trained on tiles at 0.25 um/px but the quality model tiny-quality cuts tiles at 0.5");
        BundleCompatibility.check(quality, List.of(BundleDigest.verify(TestFixtures.models("tiny-cnn")),
                BundleDigest.verify(TestFixtures.models("tiny-resnet"))));
    }

    @Test
    void aFileReachedThroughAFolderSymlinkIsOutsideTheBundle() throws Exception {
        Path dir = copy("tiny-quality", "linked");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Files.move(dir.resolve("model.pt"), elsewhere.resolve("model.pt"));
        Files.createSymbolicLink(dir.resolve("weights"), elsewhere);
        editManifest(dir, m -> ((ObjectNode) m.get("files").get(0)).put("path", "weights/model.pt"));
        assertThatThrownBy(() -> ModelBundle.verify(dir)).isInstanceOf(ModelBundleException.class)
                .hasMessageContaining("through a symbolic link, outside the bundle");
    }

    @Test
    void signaturesAreVerifiedAgainstTheLabsKeyring() throws Exception {
        KeyPair lab = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path keyring = Files.createDirectories(temp.resolve("keys"));
        Files.writeString(keyring.resolve("lab.pub"), BundleSignature.pem(lab.getPublic()));
        BundleSignature.Policy require = new BundleSignature.Policy(true, keyring);
        BundleSignature.Policy optional = new BundleSignature.Policy(false, keyring);

        Path dir = copy("tiny-cnn", "signed");
        assertThatThrownBy(() -> BundleDigest.verify(dir, require)).hasMessageContaining("has no bundle.sig")
                .satisfies(e -> assertThat(((ModelBundleException) e).kind()).isEqualTo(Kind.SIGNATURE));
        BundleDigest.verify(dir, optional);

        BundleSignature.sign(dir, lab.getPrivate());
        assertThat(BundleDigest.verify(dir, require).digest()).hasSize(64);

        editManifest(dir, m -> m.put("version", "1.0.1"));
        assertThatThrownBy(() -> BundleDigest.verify(dir, optional)).hasMessageContaining("changed after signing");

        Path other = copy("tiny-cnn", "stranger");
        BundleSignature.sign(other, stranger.getPrivate());
        assertThatThrownBy(() -> BundleDigest.verify(other, require)).hasMessageContaining("no trusted key");
    }
}
