package org.marrowscope.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A stage-1 assessor whose answers per tile are given by a function: the selection rule's input, made explicit. */
final class FakeAssessor implements TileAssessor {

    private final Function<Tile, TileAssessment> answer;
    int batchesServed;
    int tilesServed;

    FakeAssessor(Function<Tile, TileAssessment> answer) {
        this.answer = answer;
    }

    static List<Tile> grid(int count) {
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tiles.add(new Tile(i % 100, i / 100, (i % 100) * 256L, (i / 100) * 256L, 512));
        }
        return tiles;
    }

    @Override
    public AssessmentStream assess(List<Tile> tilesInOrder, int batchSize) {
        return new AssessmentStream() {
            int next;

            @Override
            public boolean hasNext() {
                return next < tilesInOrder.size();
            }

            @Override
            public List<TileAssessment> next() {
                int end = Math.min(tilesInOrder.size(), next + batchSize);
                List<TileAssessment> batch = tilesInOrder.subList(next, end).stream().map(answer).toList();
                next = end;
                batchesServed++;
                tilesServed += batch.size();
                return batch;
            }

            @Override
            public void close() {
            }
        };
    }
}
