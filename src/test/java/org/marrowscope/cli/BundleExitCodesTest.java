package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marrowscope.cli.HostileFixtures.MODELS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 3: a bad bundle is an error naming it, exit 21, whichever option found it; never left out. */
class BundleExitCodesTest {

    @TempDir
    static Path dir;

    static Path slide;
    static Path models;

    @BeforeAll
    static void setUp() throws Exception {
        slide = HostileFixtures.synth(dir.resolve("s.tiff"), "ALL", 21);
        models = Files.createDirectories(dir.resolve("models"));
        for (String b : new String[] {"tiny-quality", "tiny-cnn", "tiny-resnet"}) {
            copyBundle(Path.of(MODELS, b), models.resolve(b));
        }
        // The third classifier's weights are damaged.
        Path bad = copyBundle(Path.of(MODELS, "tiny-cnn"), models.resolve("tiny-cnn-copy"));
        Files.write(bad.resolve("head.pt"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    }

    static Path copyBundle(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void aDamagedBundleInAModelsFolderStopsTheRunAndIsNamed() {
        CliRunner r = CliRunner.run("classify", "--models", models.toString(), "--rois", "4", "--no-progress", "--device",
                "cpu", "--out", dir.resolve("out").toString(), slide.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(r.err()).contains("tiny-cnn-copy").contains("head.pt").contains("SHA-256 mismatch");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void skipFailedBundlesRunsWithTheOthersSaysSoEverywhereAndExits3() throws Exception {
        Path out = dir.resolve("out-skip");
        CliRunner r = CliRunner.run("classify", "--models", models.toString(), "--skip-failed-bundles", "--rois", "4",
                "--no-progress", "--device", "cpu", "--out", out.toString(), "--csv", out.resolve("t.csv").toString(),
                slide.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SOME_SLIDES_FAILED);
        assertThat(r.err()).contains("warning: model bundle tiny-cnn-copy left out (--skip-failed-bundles): head.pt: SHA-256"
                + " mismatch");
        assertThat(r.out()).contains("s.tiff: ").contains("tiny-cnn-copy left out (head.pt: SHA-256 mismatch");
        var result = org.marrowscope.pipeline.result.ResultStore.read(
                new org.marrowscope.pipeline.result.ResultStore(out).location(slide));
        assertThat(result.leftOutModels()).extracting(m -> m.name()).containsExactly("tiny-cnn-copy");
        assertThat(result.classifiers()).extracting(m -> m.name()).containsExactlyInAnyOrder("tiny-cnn", "tiny-resnet");
        if (result.classifiable()) {
            assertThat(result.uncertaintyReasons()).anyMatch(s -> s.startsWith("ensemble of 2 of 3 classifiers: tiny-cnn-copy"
                    + " left out (head.pt: SHA-256 mismatch"));
        }
        assertThat(Files.readString(out.resolve("t.csv"))).contains("leftOutModels").contains("tiny-cnn-copy (head.pt");

        // The same result is reused by the same run, but not by a run with every bundle sound.
        CliRunner again = CliRunner.run("classify", "--models", models.toString(), "--skip-failed-bundles", "--rois", "4",
                "--no-progress", "--device", "cpu", "--out", out.toString(), slide.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.SOME_SLIDES_FAILED);
        assertThat(again.out()).contains("saved result reused").contains("tiny-cnn-copy left out");
    }

    @Test
    void skipFailedBundlesStillRefusesWhenNoClassifierOrQualityModelIsLeft() throws Exception {
        CliRunner noClassifier = CliRunner.run("classify", "--quality-model", MODELS + "/tiny-quality", "--classifier",
                models.resolve("tiny-cnn-copy").toString(), "--skip-failed-bundles", "--no-progress", slide.toString());
        assertThat(noClassifier.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(noClassifier.err()).contains("no classifier (stage 2) is left").contains("tiny-cnn-copy: head.pt");

        Path noQualityFolder = Files.createDirectories(dir.resolve("no-quality"));
        Path quality = copyBundle(Path.of(MODELS, "tiny-quality"), noQualityFolder.resolve("tiny-quality"));
        Files.write(quality.resolve("model.pt"), new byte[] {9}, java.nio.file.StandardOpenOption.APPEND);
        copyBundle(Path.of(MODELS, "tiny-cnn"), noQualityFolder.resolve("tiny-cnn"));
        CliRunner noQuality = CliRunner.run("classify", "--models", noQualityFolder.toString(), "--skip-failed-bundles",
                "--no-progress", slide.toString());
        assertThat(noQuality.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(noQuality.err()).contains("no quality (stage 1) model found").contains("tiny-quality").contains("model.pt");
        assertThat(noQuality.out()).isEmpty();
    }

    @Test
    void theSameBundleGivenWithClassifierAlsoExits21() {
        CliRunner r = CliRunner.run("classify", "--quality-model", MODELS + "/tiny-quality", "--classifier",
                models.resolve("tiny-cnn-copy").toString(), "--no-progress", slide.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(r.err()).contains("tiny-cnn-copy");
    }

    @Test
    void aMissingModelsFolderIsAMissingBundle() {
        CliRunner r = CliRunner.run("classify", "--models", dir.resolve("nope").toString(), "--no-progress", slide.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(r.err()).contains("nope").contains("no such folder");
    }

    @Test
    void aClassifierAtAnotherResolutionIsRefusedBeforeAnySlideIsRead() throws Exception {
        Path cnn = copyBundle(Path.of(MODELS, "tiny-cnn"), dir.resolve("cnn-025"));
        Path manifest = cnn.resolve("model.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"micronsPerPixel\": 0.5", "\"micronsPerPixel\": 0.25"));
        CliRunner r = CliRunner.run("classify", "--quality-model", MODELS + "/tiny-quality", "--classifier", cnn.toString(),
                "--no-progress", slide.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(r.err()).contains("cnn-025").contains("0.25 um/px");
    }

    @Test
    void requireSignedRefusesUnsignedBundles() {
        CliRunner r = CliRunner.run("classify", "--quality-model", MODELS + "/tiny-quality", "--classifier",
                MODELS + "/tiny-cnn", "--require-signed", "--trusted-keys", dir.resolve("keys").toString(), "--no-progress",
                slide.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(r.err()).contains("signed bundles are required");
        assertThat(System.getProperty("marrowscope.requireSignedModels")).isNull();
    }

    @Test
    void modelsSignsBundlesThatRequireSignedThenAccepts() throws Exception {
        java.security.KeyPair lab = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = Files.writeString(dir.resolve("lab.key"), "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(lab.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Path keyring = Files.createDirectories(dir.resolve("trusted"));
        Files.writeString(keyring.resolve("lab.pub"), org.marrowscope.model.BundleSignature.pem(lab.getPublic()));
        Path signed = Files.createDirectories(dir.resolve("signed"));
        for (String b : new String[] {"tiny-quality", "tiny-cnn"}) {
            copyBundle(Path.of(MODELS, b), signed.resolve(b));
        }
        CliRunner listed = CliRunner.run("models", "--sign", key.toString(), signed.toString());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("tiny-quality 1.0.0 (quality, demonstration)").contains(", signed")
                .containsPattern("digest [0-9a-f]{64}");
        CliRunner r = CliRunner.run("classify", "--models", signed.toString(), "--require-signed", "--trusted-keys",
                keyring.toString(), "--rois", "4", "--no-progress", "--device", "cpu", "--out", dir.resolve("signed-out")
                        .toString(), slide.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        CliRunner bad = CliRunner.run("models", models.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(bad.err()).contains("tiny-cnn-copy");
    }
}
