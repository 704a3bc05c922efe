/**
 * The {@code marrowscope} command line (picocli): info, classify, report, synth, train, evaluate, bench; their shared
 * options ({@code RunOptions}, {@code ModelOptions}), progress output and exit codes. The desktop app is plugged in by
 * the launcher through {@code MarrowScopeCommand.Desktop}.
 *
 * <p>May import: Every headless package: {@code service}, {@code pipeline}, {@code model}, {@code slide},
 * {@code report}, {@code synth}, {@code train}, {@code eval}, {@code labels}, {@code bench}, {@code io}. Never
 * {@code app}, {@code viewer}, {@code launcher} or JavaFX (checked by ArchitectureTest).
 */
package org.marrowscope.cli;
