package org.marrowscope.pipeline;

/** The steps of a run, in order, as progress reports name them. */
public enum Stage {
    LOADING_MODELS("Loading models"),
    TISSUE_MASK("Finding tissue"),
    QUALITY("Stage 1: selecting ROIs"),
    CLASSIFICATION("Stage 2: classifying ROIs"),
    MAPS("Building maps"),
    SAVING("Saving result");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
