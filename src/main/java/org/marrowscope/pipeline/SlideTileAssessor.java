package org.marrowscope.pipeline;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Stage 1 on a real slide: a reader pool applies the corner rule and reads the tiles of the next batches
 * while the quality model scores the current one, so I/O and inference overlap.
 */
public final class SlideTileAssessor implements TileAssessor {

    /** Batches in flight: the one being scored and those read ahead of it. */
    static final int READ_AHEAD = 3;

    private final TileReader reader;
    private final QualityScorer scorer;
    private final ExecutorService readers;

    /** @param readers the pool that reads tiles; owned by the caller, which shuts it down */
    public SlideTileAssessor(TileReader reader, QualityScorer scorer, ExecutorService readers) {
        this.reader = reader;
        this.scorer = scorer;
        this.readers = readers;
    }

    /** A tile after reading: its pixels, or none when the corner rule found it to be background. */
    private record ReadTile(Tile tile, BufferedImage image) {
    }

    @Override
    public AssessmentStream assess(List<Tile> tilesInOrder, int batchSize) {
        ReadAhead<ReadTile> reads = new ReadAhead<>(readers, tilesInOrder, batchSize, READ_AHEAD,
                tile -> new ReadTile(tile, reader.isBackground(tile) ? null : reader.read(tile)));
        return new AssessmentStream() {
            @Override
            public boolean hasNext() {
                return reads.hasNext();
            }

            @Override
            public List<TileAssessment> next() {
                return assessBatch(reads.next());
            }

            @Override
            public void close() {
                reads.close();
            }
        };
    }

    private List<TileAssessment> assessBatch(List<ReadTile> read) {
        List<BufferedImage> images = read.stream().filter(r -> r.image() != null).map(ReadTile::image).toList();
        QualityScorer.Scores scores = images.isEmpty() ? new QualityScorer.Scores(new float[0], null) : score(images);
        List<TileAssessment> out = new ArrayList<>(read.size());
        int s = 0;
        for (ReadTile r : read) {
            if (r.image() == null) {
                out.add(TileAssessment.background(r.tile()));
            } else {
                double distance = scores.distances() == null ? Double.NaN : scores.distances()[s];
                out.add(TileAssessment.scored(r.tile(), scores.good()[s++], distance));
            }
        }
        return out;
    }

    private QualityScorer.Scores score(List<BufferedImage> images) {
        QualityScorer.Scores scores;
        try {
            scores = scorer.assess(images);
        } catch (Exception e) {
            throw new PipelineException("the quality model failed: " + e.getMessage(), e);
        }
        if (scores.good().length != images.size()
                || (scores.distances() != null && scores.distances().length != images.size())) {
            throw new PipelineException("the quality model returned " + scores.good().length + " scores for "
                    + images.size() + " tiles");
        }
        return scores;
    }
}
