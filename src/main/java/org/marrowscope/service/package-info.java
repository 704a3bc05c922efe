/**
 * The background inference service the app and the command line share: warm models, one inference thread,
 * classification jobs with progress and cancellation, saved-result reuse, the model catalogue, and Grad-CAM from a
 * tile the caller holds.
 *
 * <p>May import: {@code pipeline} (and {@code result}), {@code model}, {@code slide}, {@code report} (to serve its
 * Grad-CAM engine interface). Never JavaFX, {@code viewer}, {@code app} or {@code cli}.
 */
package org.marrowscope.service;
