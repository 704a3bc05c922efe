package org.marrowscope.app;

import org.marrowscope.pipeline.result.ClassificationResult;

/** A worklist slide's state, as the table says it; every one but the running ones comes from the saved result. */
enum WorklistStatus {
    NOT_YET("not yet"),
    CLASSIFYING("classifying…"),
    CLASSIFIED("classified"),
    UNCERTAIN("uncertain"),
    NOT_CLASSIFIABLE("not classifiable"),
    OUTSIDE_DOMAIN("outside domain"),
    FAILED("failed");

    private final String label;

    WorklistStatus(String label) {
        this.label = label;
    }

    /** The status a saved result stands for. */
    static WorklistStatus of(ClassificationResult result) {
        return switch (result.outcome().status()) {
            case CLASSIFIED -> result.uncertain() ? UNCERTAIN : CLASSIFIED;
            case NOT_CLASSIFIABLE -> NOT_CLASSIFIABLE;
            case OUTSIDE_DOMAIN -> OUTSIDE_DOMAIN;
        };
    }

    /** Whether Classify all still has to run the slide (after a restart too: nothing saved yet, or it failed). */
    boolean pending() {
        return this == NOT_YET || this == FAILED;
    }

    @Override
    public String toString() {
        return label;
    }
}
