package org.marrowscope.cli;

/** An output could not be written; the message names the file and the reason (e.g. disk full). */
public final class OutputException extends Exception {
    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
