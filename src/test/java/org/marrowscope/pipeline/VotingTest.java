package org.marrowscope.pipeline;

import org.marrowscope.pipeline.result.Uncertainty;
import org.marrowscope.pipeline.result.Voting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marrowscope.pipeline.result.Vote;

class VotingTest {

    private static final List<String> CLASSES = List.of("ALL", "AML", "CML", "Lymphoma", "MM");

    private static float[] p(float... values) {
        return values;
    }

    @Test
    void majorityOfTileLabels() {
        float[][] tiles = {
            p(0.7f, 0.1f, 0.1f, 0.05f, 0.05f),
            p(0.1f, 0.6f, 0.1f, 0.1f, 0.1f),
            p(0.5f, 0.2f, 0.1f, 0.1f, 0.1f)};
        Vote v = Voting.vote(CLASSES, tiles);
        assertThat(v.label()).isEqualTo("ALL");
        assertThat(v.counts()).containsExactly(2, 1, 0, 0, 0);
        assertThat(v.fractions()[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(v.meanProbability()[1]).isCloseTo(0.3, within(1e-6));
        assertThat(v.margin()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void aTieGoesToTheHigherMeanProbabilityThenToTheFirstClass() {
        float[][] tie = {p(0.51f, 0.49f, 0, 0, 0), p(0.1f, 0.9f, 0, 0, 0)};
        assertThat(Voting.vote(CLASSES, tie).label()).isEqualTo("AML");
        float[][] exactTie = {p(0.6f, 0.4f, 0, 0, 0), p(0.4f, 0.6f, 0, 0, 0)};
        assertThat(Voting.vote(CLASSES, exactTie).label()).isEqualTo("ALL");
    }

    @Test
    void ensemblePoolsEveryModelsTileVotes() {
        float[][] modelA = {p(0, 1, 0, 0, 0), p(0, 1, 0, 0, 0), p(1, 0, 0, 0, 0)};
        float[][] modelB = {p(1, 0, 0, 0, 0), p(1, 0, 0, 0, 0), p(0, 0, 0, 0, 1)};
        float[][] modelC = {p(1, 0, 0, 0, 0), p(0, 1, 0, 0, 0), p(0, 1, 0, 0, 0)};
        Vote ensemble = Voting.ensemble(CLASSES, List.of(modelA, modelB, modelC));
        assertThat(ensemble.totalVotes()).isEqualTo(9);
        assertThat(ensemble.counts()).containsExactly(4, 4, 0, 0, 1);
        // 4-4 tie between ALL and AML; equal mean probability too (4/9 each), so the first listed wins.
        assertThat(ensemble.label()).isEqualTo("ALL");
    }

    @Test
    void uncertainWhenMarginSmallOrModelsDisagree() {
        Vote clear = Voting.vote(CLASSES, new float[][] {p(1, 0, 0, 0, 0), p(1, 0, 0, 0, 0), p(0, 1, 0, 0, 0)});
        Vote other = Voting.vote(CLASSES, new float[][] {p(0, 1, 0, 0, 0), p(0, 1, 0, 0, 0), p(0, 1, 0, 0, 0)});
        assertThat(Uncertainty.DEFAULT.reasons(clear, List.of(clear, clear))).isEmpty();
        assertThat(Uncertainty.DEFAULT.reasons(clear, List.of(clear, other))).singleElement().asString()
                .contains("disagree");
        Vote close = Voting.vote(CLASSES, new float[][] {
            p(1, 0, 0, 0, 0), p(1, 0, 0, 0, 0), p(1, 0, 0, 0, 0), p(1, 0, 0, 0, 0), p(1, 0, 0, 0, 0), p(1, 0, 0, 0, 0),
            p(0, 1, 0, 0, 0), p(0, 1, 0, 0, 0), p(0, 1, 0, 0, 0), p(0, 1, 0, 0, 0), p(0, 1, 0, 0, 0)});
        assertThat(Uncertainty.DEFAULT.reasons(close, List.of(close))).singleElement().asString().contains("margin 9%");
    }
}
