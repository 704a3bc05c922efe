/**
 * Cohort work that outgrows one machine, independent of the engine that spreads it: the cohort file
 * ({@code slide[,diagnosis][,patient]}), the job's parameters as sent to every executor, one slide's task on a warm
 * {@code InferenceService} (its outcome or its failure, with the reason, as one summary row), the summary table and
 * the evaluation of the labelled rows with the metrics of {@code evaluate}. The Spark glue lives in {@code spark} and
 * plugs in through {@link org.marrowscope.cohort.CohortEngine}.
 *
 * <p>May import: {@code service}, {@code pipeline} (and {@code result}), {@code model}, {@code slide}, {@code eval},
 * {@code labels}, {@code io}. Never Spark, JavaFX, {@code cli}, {@code app} or {@code viewer}.
 */
package org.marrowscope.cohort;
