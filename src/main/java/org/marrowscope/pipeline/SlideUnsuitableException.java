package org.marrowscope.pipeline;

/**
 * The slide opens but cannot be classified as given: it does not state its resolution, or its resolution is far
 * from the models'. Bad input the user can fix (e.g. with --mpp), unlike a run that broke mid-way
 * ({@link PipelineException}).
 */
public final class SlideUnsuitableException extends RuntimeException {

    public SlideUnsuitableException(String message) {
        super(message);
    }
}
