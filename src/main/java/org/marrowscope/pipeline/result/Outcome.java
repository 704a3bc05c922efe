package org.marrowscope.pipeline.result;

/**
 * What a run concluded, always with its reason: a suggestion is given only for {@link Status#CLASSIFIED}.
 *
 * @param status the outcome
 * @param code a stable, machine-readable reason, e.g. "too-few-good-tiles" (see {@link #codes()})
 * @param reason one or two sentences for the user, with the numbers behind them
 */
public record Outcome(Status status, String code, String reason) {

    /** The three honest outcomes. */
    public enum Status {
        /** Stage 1 found enough good tiles and they look like the models' training data: a suggestion. */
        CLASSIFIED,
        /** Stage 1 found too few good tiles (the smear's quality or size): no suggestion. */
        NOT_CLASSIFIABLE,
        /** The tiles do not look like the data the models were trained on: no suggestion. */
        OUTSIDE_DOMAIN
    }

    public static final String CLASSIFIED = "classified";
    public static final String TOO_FEW_GOOD_TILES = "too-few-good-tiles";
    public static final String SMALLER_THAN_ONE_TILE = "smaller-than-one-tile";
    public static final String NO_TISSUE = "no-tissue";
    public static final String UNLIKE_TRAINING_DATA = "unlike-training-data";
    public static final String ATYPICAL_CONFIDENCE = "atypical-confidence";

    /** Every reason code, for documentation and tests. */
    public static String[] codes() {
        return new String[] {CLASSIFIED, TOO_FEW_GOOD_TILES, SMALLER_THAN_ONE_TILE, NO_TISSUE, UNLIKE_TRAINING_DATA,
            ATYPICAL_CONFIDENCE};
    }

    /** How the outcome reads in one line, e.g. "Outside the models' domain". */
    public String headline() {
        return switch (status) {
            case CLASSIFIED -> "Classified";
            case NOT_CLASSIFIABLE -> "Not classifiable";
            case OUTSIDE_DOMAIN -> "Outside the models' domain";
        };
    }
}
