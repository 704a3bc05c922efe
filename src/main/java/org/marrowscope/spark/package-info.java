/**
 * The cohort job on Apache Spark: the session (embedded {@code local[*]} by default, or a cluster), one task per
 * slide running {@code cohort.SlideTask} on one warm {@code InferenceService} per executor JVM, and the Parquet
 * summary. The only package that imports Spark (checked by ArchitectureTest); it is packed into its own jar,
 * outside the desktop app and its installer, and found by the command line through {@link java.util.ServiceLoader}.
 *
 * <p>May import: Spark, {@code cohort}, {@code service}. Never JavaFX, {@code cli}, {@code app} or {@code viewer}.
 */
package org.marrowscope.spark;
