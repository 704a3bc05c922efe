package org.marrowscope.pipeline;

import org.marrowscope.pipeline.result.SelectionSummary;

/** Stage 1's counts for the result; here rather than in pipeline.result so that the result never imports the pipeline. */
final class SelectionSummaries {

    private SelectionSummaries() {
    }

    static SelectionSummary of(Selection s, int gridTiles, int pruned) {
        return new SelectionSummary(s.mode(), gridTiles, pruned, s.candidates(), s.assessed(), s.background(),
                s.atHigh(), s.atLow(), s.exhaustive());
    }
}
