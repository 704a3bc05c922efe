package org.marrowscope.slide;

import java.nio.file.Path;

/** A slide could not be opened or read; {@link #kind()} says why, the message says it for a person. */
public final class SlideException extends Exception {

    /** Why a slide failed. Each kind has its own command-line exit code. */
    public enum Kind {
        NOT_FOUND(10),
        NOT_A_FILE(11),
        EMPTY_FILE(12),
        UNRECOGNISED_FORMAT(13),
        BROKEN_FILE(14),
        READ_FAILED(15),
        LIBRARY_MISSING(16),
        CLOSED(17),
        INVALID_REQUEST(18),
        /** Decoding it would need more memory than Java has (the message gives both numbers). */
        TOO_LARGE(25);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;
    private final Path path;

    public SlideException(Kind kind, Path path, String message) {
        this(kind, path, message, null);
    }

    public SlideException(Kind kind, Path path, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    /** The slide concerned, or null when the failure is not about one file (e.g. library missing). */
    public Path path() {
        return path;
    }
}
