package org.marrowscope;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real slide fixtures, test resources copied by Maven to target/test-classes/slides (sources, licences and
 * SHA-256 in src/test/resources/slides/README.md); a missing fixture fails the test, never skips it.
 */
public final class TestData {

    private TestData() {
    }

    public static Path slidesDir() {
        String dir = System.getProperty("marrowscope.testdata");
        if (dir == null) {
            throw new IllegalStateException("System property marrowscope.testdata is not set (run tests through Maven)");
        }
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("Test fixture folder missing: " + path.toAbsolutePath()
                    + " (src/test/resources/slides is copied there by Maven's process-test-resources)");
        }
        return path;
    }

    public static Path slide(String name) {
        Path path = slidesDir().resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Test fixture missing: " + path.toAbsolutePath());
        }
        return path;
    }
}
