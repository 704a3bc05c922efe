/**
 * Model bundles (a {@code model.json} manifest plus TorchScript files, every file's SHA-256 checked) and inference
 * with DJL/PyTorch: the stage-1 quality model, stage-2 classifiers, preprocessing, batching and Grad-CAM.
 *
 * <p>May import: DJL, Jackson and the JDK. Never {@code pipeline}, {@code slide} or anything above: the pipeline
 * reaches models through its own interfaces, adapted in {@code service}.
 */
package org.marrowscope.model;
