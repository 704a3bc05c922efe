package org.marrowscope.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DJL extracts the PyTorch natives from the jar once, into its cache folder ({@code DJL_CACHE_DIR}, by default in
 * the user's data folder). Where that folder cannot be written (an unwritable or read-only HOME) PyTorch fails
 * deep inside DJL with a message about the engine, which reads as if the model bundle were broken; this check
 * names the folder instead. A cache that already holds the natives is only read, so it may be read-only.
 */
public final class NativesCache {

    private NativesCache() {
    }

    /** The folder DJL will use. */
    static Path folder() {
        String dir = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".djl.ai");
    }

    /** @throws UncheckedIOException naming the folder when the natives would have to be extracted and cannot be */
    public static void requireUsable(Path cache) {
        if (Files.isDirectory(cache.resolve("pytorch"))) {
            return;
        }
        try {
            Files.createDirectories(cache);
            Path probe = Files.createTempFile(cache, ".probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("PyTorch cannot start: it extracts its natives once into " + cache
                    + ", which cannot be written (" + e.getMessage() + "). Make the home folder writable, or set"
                    + " DJL_CACHE_DIR to a writable folder.", e instanceof IOException io ? io : null));
        }
    }
}
