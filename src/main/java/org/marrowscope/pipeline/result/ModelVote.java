package org.marrowscope.pipeline.result;

import org.marrowscope.pipeline.ModelInfo;
import org.marrowscope.pipeline.Vote;

/** One classifier's slide-level vote over the ROIs. */
public record ModelVote(ModelInfo model, Vote vote) {
}
