/**
 * The process entry point ({@code bin/marrowscope}, the installers). It sits above the command line and the desktop:
 * {@code cli} gets the desktop app for {@code marrowscope [SLIDE]} and the desktop's {@code bench view}, so neither
 * {@code cli} nor {@code app} has to know the other.
 *
 * <p>May import: {@code cli}, {@code app}, {@code app.bench}, {@code io}. Nothing imports it.
 */
package org.marrowscope.launcher;
