package org.marrowscope.pipeline.result;

import java.util.List;

/**
 * A majority vote over tile labels.
 *
 * @param classes class names in the models' order
 * @param counts votes per class
 * @param fractions votes per class divided by all votes
 * @param meanProbability per class, the mean predicted probability over all voting tiles (and models)
 * @param winner index of the winning class: most votes; a tie goes to the higher mean probability, then to
 *     the class listed first
 */
public record Vote(List<String> classes, int[] counts, double[] fractions, double[] meanProbability, int winner) {

    public Vote {
        classes = List.copyOf(classes);
        counts = counts.clone();
        fractions = fractions.clone();
        meanProbability = meanProbability.clone();
    }

    public String label() {
        return classes.get(winner);
    }

    public int totalVotes() {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    /** Winner's vote fraction minus the runner-up's: the vote margin. */
    public double margin() {
        double second = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (i != winner) {
                second = Math.max(second, fractions[i]);
            }
        }
        return fractions[winner] - second;
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double[] meanProbability() {
        return meanProbability.clone();
    }
}
