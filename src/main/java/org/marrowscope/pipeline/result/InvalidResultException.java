package org.marrowscope.pipeline.result;

import java.io.IOException;
import java.nio.file.Path;

/** A saved result that cannot be trusted: unreadable, edited, incomplete or inconsistent; the message says which. */
public final class InvalidResultException extends IOException {

    private final Path file;

    public InvalidResultException(Path file, String problem) {
        this(file, problem, null);
    }

    public InvalidResultException(Path file, String problem, Throwable cause) {
        super("The result file " + file + " " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
