package org.marrowscope.cohort;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.service.ModelSelection;

/**
 * What every task of a cohort job needs besides its slide, as plain values so that it travels to executors on other
 * machines. The settings are rebuilt on the executor exactly as {@code classify} builds them from the same options,
 * so a slide gets the same result (and the same result file) from either.
 *
 * @param quality the stage-1 bundle folder
 * @param classifiers the stage-2 bundle folders, in ensemble order
 * @param digests the bundle digests the driver verified, quality first then the classifiers: an executor that finds
 *     another bundle at the same path refuses to classify with it
 * @param out the results folder (shared storage)
 * @param reuse whether a saved result that verifies and matches models and parameters is reused
 * @param device "auto", "cpu", "gpu", "gpu:N", or null
 * @param software the software name recorded in every result
 */
public record JobSpec(String quality, List<String> classifiers, List<String> digests, long seed, int rois, int batch,
        Double mpp, boolean exhaustive, String device, String out, boolean reuse, String software) implements Serializable {

    private static final long serialVersionUID = 1L;

    public JobSpec {
        classifiers = List.copyOf(classifiers);
        digests = List.copyOf(digests);
        if (digests.size() != classifiers.size() + 1) {
            throw new IllegalArgumentException("one digest per bundle expected");
        }
    }

    public ModelSelection models() {
        return new ModelSelection(Path.of(quality), classifiers.stream().map(Path::of).toList());
    }

    /** The settings {@code classify --seed --rois --batch --mpp [--exhaustive]} runs with. */
    public PipelineSettings settings() {
        return PipelineSettings.PAPER.withSelection(PipelineSettings.PAPER.selection().withSeed(seed).withRoiCount(rois)
                .withBatchSize(batch).withExhaustive(exhaustive)).withMicronsPerPixel(mpp);
    }

    /** The bundle folders in the order of {@link #digests()}. */
    public List<String> bundles() {
        List<String> all = new java.util.ArrayList<>();
        all.add(quality);
        all.addAll(classifiers);
        return all;
    }
}
