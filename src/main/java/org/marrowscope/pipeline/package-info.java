/**
 * The two-stage method on one slide: the tile grid at the models' resolution, the background (corner) rule, stage 1's
 * seeded early-stop selection of good ROIs, stage 2 over the ROIs, the votes, uncertainty and the result. Models enter
 * as {@code TileAssessor}/{@code TileClassifier} interfaces, so this package needs no PyTorch.
 *
 * <p>May import: {@code pipeline.result}, {@code slide}. Never {@code model}, {@code service}, JavaFX or anything
 * above.
 */
package org.marrowscope.pipeline;
