package org.marrowscope.pipeline;

import java.util.Iterator;
import java.util.List;

/**
 * Stage 1's view of a slide: assesses tiles batch by batch, in exactly the order given, so that the selector
 * can stop after any batch. Implementations may read ahead (the next batch's pixels while the model scores
 * the current one); {@link AssessmentStream#close()} stops that work.
 */
public interface TileAssessor {

    AssessmentStream assess(List<Tile> tilesInOrder, int batchSize);

    /** Batches of assessments in the order of the tiles given; each list is as long as its batch. */
    interface AssessmentStream extends Iterator<List<TileAssessment>>, AutoCloseable {
        @Override
        void close();
    }
}
