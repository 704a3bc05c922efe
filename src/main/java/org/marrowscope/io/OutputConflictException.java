package org.marrowscope.io;

import java.io.IOException;

/**
 * An output named on the command line would replace something it must not (an input, a slide, another output,
 * a file of another kind): nothing was written. Reported as a bad command line, since another name fixes it.
 */
public final class OutputConflictException extends IOException {
    public OutputConflictException(String message) {
        super(message);
    }
}
