package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;

/** Small synthetic slides and the tiny test bundles, for the hostile-input tests (issue 12). */
final class HostileFixtures {

    static final String MODELS = "src/test/resources/models";

    private HostileFixtures() {
    }

    /** A small synthetic pyramidal TIFF (about a second to write). */
    static Path synth(Path file, String smearClass, int seed) {
        CliRunner r = CliRunner.run("synth", "--class", smearClass, "--size", "4000x3000", "--seed", Integer.toString(seed),
                "--no-progress", "--threads", "1", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return file;
    }

    /** A BMP field picture of a synthetic smear: uncompressed, so pictures of one size have one byte size. */
    static Path bmp(Path file, Path fromTiff) throws Exception {
        try (Slide slide = Slides.open(fromTiff)) {
            BufferedImage region = slide.readRegion(0, 0, 0, 2048, 1536);
            ImageIO.write(region, "bmp", file.toFile());
        }
        return file;
    }

    /** classify with the tiny bundles, 4 ROIs, on the CPU, no progress bar. */
    static CliRunner classify(String... extra) {
        List<String> a = new ArrayList<>(List.of("classify", "--quality-model", MODELS + "/tiny-quality",
                "--classifier", MODELS + "/tiny-cnn", "--classifier", MODELS + "/tiny-resnet", "--rois", "4",
                "--no-progress", "--device", "cpu"));
        a.addAll(List.of(extra));
        return CliRunner.run(a.toArray(String[]::new));
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
