/**
 * The JavaFX desktop app: the main window (viewer, result panel, ROI browser with Grad-CAM, overlays, models, slide
 * properties), tile review, settings, dialogs, the demo slide and the PDF export. A thin layer over the headless core
 * that the command line uses too.
 *
 * <p>May import: JavaFX, ControlsFX, Ikonli, {@code viewer}, {@code service}, {@code report}, {@code pipeline} (and
 * its {@code result}, {@code maps}), {@code model}, {@code slide}, {@code synth} and its subpackages (the demo slide),
 * {@code colour}, {@code io}. Never {@code cli}, {@code launcher} or {@code app.bench}.
 */
package org.marrowscope.app;
