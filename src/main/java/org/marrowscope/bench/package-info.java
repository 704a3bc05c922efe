/**
 * Headless benchmark cores behind {@code marrowscope bench}: slide reads against a C baseline, stage 1's early stop,
 * stage-2 throughput, report writing. Each reports ratios against a baseline measured in the same run.
 *
 * <p>May import: {@code slide}, {@code pipeline} (and {@code result}), {@code model}, {@code report}, {@code io}.
 * Never JavaFX, {@code viewer} or {@code app}.
 */
package org.marrowscope.bench;
