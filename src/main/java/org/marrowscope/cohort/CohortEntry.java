package org.marrowscope.cohort;

import java.io.Serializable;

/**
 * One row of a cohort file, as shipped to an executor: plain strings, because the executor may be another machine
 * (and {@link java.nio.file.Path} is not serialisable).
 *
 * @param line the row's 1-based line in the cohort file, for messages
 * @param slide the slide's absolute path, as every executor must be able to read it (shared storage)
 * @param diagnosis the true diagnosis in the models' spelling, or null for an unlabelled slide
 * @param patient the patient, or null when the file has none
 */
public record CohortEntry(int line, String slide, String diagnosis, String patient) implements Serializable {

    private static final long serialVersionUID = 1L;

    public boolean labelled() {
        return diagnosis != null;
    }
}
