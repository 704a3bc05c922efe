package org.marrowscope.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** The bundles and Python references written by src/test/python/make_test_models.py. */
final class TestFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestFixtures() {}

    /** A folder under the test resources' {@code models/}. */
    static Path models(String relative) {
        URL url = TestFixtures.class.getResource("/models/" + relative);
        if (url == null) {
            throw new IllegalStateException("test resource models/" + relative
                    + " missing: run /usr/bin/python3 src/test/python/make_test_models.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path reference(String file) {
        return models("reference/" + file);
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reference PNG as the pipeline hands tiles over: TYPE_INT_RGB. */
    static BufferedImage tile(String name) {
        try {
            BufferedImage png = ImageIO.read(reference(name).toFile());
            BufferedImage rgb = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(png, 0, 0, null);
            return rgb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A float32 little-endian reference array. */
    static float[] f32(String file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(reference(file))).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[b.remaining() / 4];
            b.asFloatBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** Copies a bundle folder into {@code target} so a test can damage it. */
    static Path copyBundle(String name, Path target) {
        Path source = models(name);
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
