/**
 * The desktop's benchmark ({@code marrowscope bench view}): paint times of the real viewer along a scripted
 * pan-and-zoom path, against reading each frame synchronously. Lives on the desktop side because it needs JavaFX; the
 * launcher adds its command to {@code bench}.
 *
 * <p>May import: {@code app}, {@code viewer}, JavaFX, {@code slide}, {@code synth} and its subpackages (to write its
 * slide), and {@code cli} for the shared option converters and exit codes.
 */
package org.marrowscope.app.bench;
