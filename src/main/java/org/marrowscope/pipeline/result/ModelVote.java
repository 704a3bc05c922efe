package org.marrowscope.pipeline.result;


/** One classifier's slide-level vote over the ROIs. */
public record ModelVote(ModelInfo model, Vote vote) {
}
