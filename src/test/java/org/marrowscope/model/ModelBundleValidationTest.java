package org.marrowscope.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.model.ModelBundleException.Kind;
import org.marrowscope.model.ModelManifest.Purpose;
import org.marrowscope.model.ModelManifest.Resampling;
import org.marrowscope.model.ModelManifest.Role;
import org.marrowscope.model.ModelManifest.Scale;

/** Good bundles pass; each kind of damage is refused with a message naming the folder, the file and the problem. */
class ModelBundleValidationTest {

    @TempDir
    Path temp;

    @Test
    void goodBundlesVerifyWithEveryField() throws Exception {
        ModelManifest m = ModelBundle.verify(TestFixtures.models("tiny-cnn"));
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.name()).isEqualTo("tiny-cnn");
        assertThat(m.role()).isEqualTo(Role.CLASSIFIER);
        assertThat(m.demo()).isTrue();
        assertThat(m.classes()).containsExactly("ALL", "AML", "CML", "Lymphoma", "MM");
        assertThat(m.input().size()).isEqualTo(64);
        assertThat(m.input().micronsPerPixel()).isEqualTo(0.5);
        assertThat(m.input().resampling()).isEqualTo(Resampling.BILINEAR);
        assertThat(m.input().scale()).isEqualTo(Scale.UNIT);
        assertThat(m.input().mean()).containsExactly(0.485, 0.456, 0.406);
        assertThat(m.file(Purpose.INTERMEDIATE).path()).isEqualTo("intermediate.pt");
        assertThat(m.gradCam().intermediate()).contains("16x16x16");
        assertThat(m.provenance().metrics()).containsKey("heldOutAccuracy");
        assertThat(m.intendedUse()).isNotBlank();

        ModelManifest q = ModelBundle.verify(TestFixtures.models("tiny-quality"));
        assertThat(q.role()).isEqualTo(Role.QUALITY);
        assertThat(q.classes().get(q.goodIndex())).isEqualTo("good");
        assertThat(ModelBundle.verify(TestFixtures.models("tiny-resnet")).input().resampling())
                .isEqualTo(Resampling.BICUBIC);
    }

    @Test
    void channelOrderAndScaleDefaultToRgbAndUnitRange() throws Exception {
        Path dir = edit("tiny-cnn", m -> ((ObjectNode) m.get("input")).remove(List.of("channelOrder", "scale")));
        ModelManifest m = ModelBundle.verify(dir);
        assertThat(m.input().channelOrder()).isEqualTo(ModelManifest.ChannelOrder.RGB);
        assertThat(m.input().scale()).isEqualTo(Scale.UNIT);
    }

    @Test
    void missingFolderAndManifest() throws IOException {
        Path none = temp.resolve("no-such-bundle");
        assertRefused(none, Kind.MISSING_MANIFEST, "no such folder");
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertRefused(empty, Kind.MISSING_MANIFEST, "model.json", "not found");
    }

    @Test
    void missingFile() throws IOException {
        Path dir = copy("tiny-cnn");
        Files.delete(dir.resolve("head.pt"));
        assertRefused(dir, Kind.MISSING_FILE, "head.pt", "file not found", "\"head\"");
    }

    @Test
    void changedByteIsAHashMismatch() throws IOException {
        Path dir = copy("tiny-cnn");
        byte[] bytes = Files.readAllBytes(dir.resolve("features.pt"));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(dir.resolve("features.pt"), bytes);
        assertRefused(dir, Kind.HASH_MISMATCH, "features.pt", "SHA-256 mismatch");
    }

    @Test
    void brokenJsonGivesLineAndColumn() throws IOException {
        Path dir = copy("tiny-cnn");
        String json = Files.readString(dir.resolve("model.json")).replace("\"version\": \"1.0.0\",",
                "\"version\": \"1.0.0\" oops,");
        Files.writeString(dir.resolve("model.json"), json);
        assertRefused(dir, Kind.BAD_JSON, "model.json", "line 4, column");
        Files.writeString(dir.resolve("model.json"), "{\"formatVersion\": 1, ");
        assertRefused(dir, Kind.BAD_JSON, "model.json", "line 1");
    }

    @Test
    void classListThatDoesNotMatchTheHead() throws Exception {
        Path dir = edit("tiny-cnn", m -> ((ArrayNode) m.get("classes")).remove(4));
        assertRefused(dir, Kind.CLASS_COUNT_MISMATCH, "head.pt", "outputs 5 values per tile",
                "lists 4 classes");
    }

    @Test
    void qualityModelWithThreeClasses() throws Exception {
        Path dir = edit("tiny-quality", m -> ((ArrayNode) m.get("classes")).add("meh"));
        assertRefused(dir, Kind.INVALID_FIELD, "2 classes");
    }

    @Test
    void inputSizeMissing() throws Exception {
        assertRefused(edit("tiny-cnn", m -> ((ObjectNode) m.get("input")).remove("size")),
                Kind.INPUT_SIZE_MISSING, "model.json", "input.size is missing");
        assertRefused(edit("tiny-cnn", m -> m.remove("input")), Kind.INPUT_SIZE_MISSING, "input.size");
        assertRefused(edit("tiny-cnn", m -> ((ObjectNode) m.get("input")).put("size", 0)),
                Kind.INVALID_FIELD, "input.size 0");
    }

    @Test
    void formatVersion() throws Exception {
        assertRefused(edit("tiny-cnn", m -> m.put("formatVersion", 2)), Kind.UNSUPPORTED_VERSION,
                "formatVersion 2 is not supported");
        assertRefused(edit("tiny-cnn", m -> m.remove("formatVersion")), Kind.MISSING_FIELD, "formatVersion");
    }

    @Test
    void missingAndInvalidFields() throws Exception {
        assertRefused(edit("tiny-cnn", m -> m.remove("intendedUse")), Kind.MISSING_FIELD,
                "required field intendedUse is missing");
        assertRefused(edit("tiny-cnn", m -> m.remove("demo")), Kind.MISSING_FIELD, "demo");
        assertRefused(edit("tiny-cnn", m -> ((ObjectNode) m.get("provenance")).remove("date")),
                Kind.MISSING_FIELD, "provenance.date");
        assertRefused(edit("tiny-quality", m -> m.remove("goodIndex")), Kind.MISSING_FIELD, "goodIndex");
        assertRefused(edit("tiny-cnn", m -> ((ArrayNode) m.get("files")).remove(2)), Kind.MISSING_FIELD,
                "purpose \"head\"");
        assertRefused(edit("tiny-cnn", m -> m.put("role", "segmenter")), Kind.INVALID_FIELD, "segmenter",
                "line", "role");
        assertRefused(edit("tiny-cnn", m -> m.put("classs", "x")), Kind.INVALID_FIELD, "unknown field \"classs\"");
        assertRefused(edit("tiny-cnn", m -> ((ObjectNode) m.get("input")).putArray("std").add(1).add(0).add(1)),
                Kind.INVALID_FIELD, "input.std");
        assertRefused(edit("tiny-cnn", m -> ((ObjectNode) m.get("files").get(0)).put("path", "../tiny-cnn.pt")),
                Kind.INVALID_FIELD, "inside the bundle");
        assertRefused(edit("tiny-cnn", m -> ((ObjectNode) m.get("files").get(0)).put("sha256", "abc")),
                Kind.INVALID_FIELD, "64 lowercase hex");
        assertRefused(edit("tiny-cnn", m -> ((ObjectNode) m.get("gradCam")).remove("intermediate")),
                Kind.MISSING_FIELD, "gradCam.intermediate");
    }

    @Test
    void fileThatIsNotTorchScriptFailsToLoad() throws Exception {
        Path dir = copy("tiny-cnn");
        Files.writeString(dir.resolve("head.pt"), "not a TorchScript archive");
        rehash(dir, 2);
        assertRefused(dir, Kind.LOAD_FAILED, "head.pt", "TorchScript");
    }

    @Test
    void stagesThatDoNotChainFailTheDryRun() throws Exception {
        Path dir = copy("tiny-cnn");
        // features.pt where head.pt belongs: it gets a 32-channel map where it expects 16 channels.
        Files.copy(dir.resolve("features.pt"), dir.resolve("head.pt"), StandardCopyOption.REPLACE_EXISTING);
        rehash(dir, 2);
        assertRefused(dir, Kind.LOAD_FAILED, "head.pt", "fails on a 64x64 input tile");
    }

    private Path copy(String bundle) {
        return TestFixtures.copyBundle(bundle, temp.resolve(bundle));
    }

    private Path edit(String bundle, Consumer<ObjectNode> change) throws IOException {
        Path dir = TestFixtures.copyBundle(bundle, Files.createTempDirectory(temp, bundle));
        ObjectNode manifest = (ObjectNode) TestFixtures.json(dir.resolve("model.json"));
        change.accept(manifest);
        TestFixtures.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("model.json").toFile(), manifest);
        return dir;
    }

    /** Makes the manifest's hash of files[index] match the file again, so only the content is wrong. */
    private void rehash(Path dir, int index) throws IOException {
        ObjectNode manifest = (ObjectNode) TestFixtures.json(dir.resolve("model.json"));
        ObjectNode entry = (ObjectNode) manifest.get("files").get(index);
        entry.put("sha256", ManifestReader.sha256(dir.resolve(entry.get("path").asText())));
        TestFixtures.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("model.json").toFile(), manifest);
    }

    private static void assertRefused(Path dir, Kind kind, String... messageParts) {
        assertThatThrownBy(() -> {
            try (ModelBundle b = ModelBundle.load(dir)) {
                throw new AssertionError("loaded " + b);
            }
        })
                .isInstanceOfSatisfying(ModelBundleException.class, e -> {
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
                    assertThat(e.getMessage()).startsWith("Model bundle " + dir.toAbsolutePath().normalize());
                    assertThat(e.bundle()).isEqualTo(dir.toAbsolutePath().normalize());
                })
                .hasMessageContainingAll(messageParts);
    }
}
