package org.marrowscope.pipeline;

/**
 * A run failed for a reason the user must hear (a slide read failed mid-run, a model broke); the message is
 * written for a person. A slide that is merely not classifiable is a result, not this exception.
 */
public final class PipelineException extends RuntimeException {

    public PipelineException(String message) {
        super(message);
    }

    public PipelineException(String message, Throwable cause) {
        super(message, cause);
    }
}
