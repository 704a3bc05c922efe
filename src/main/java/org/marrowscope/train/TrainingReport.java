package org.marrowscope.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.marrowscope.model.ModelManifest;

/**
 * A finished training: the bundle written and how it got there.
 *
 * @param bundle the bundle folder
 * @param manifest its manifest (as loaded back)
 * @param history every epoch, both phases
 * @param bestEpoch the epoch kept
 * @param trainTiles training tiles
 * @param validationTiles validation tiles
 * @param seconds wall-clock time of training (caches excluded, validation included)
 * @param imagesPerSecond training tiles per second in the training steps
 * @param metrics the metrics written to the manifest's provenance
 * @param notes things the user should know (skipped slides, a resumed run)
 */
public record TrainingReport(Path bundle, ModelManifest manifest, List<EpochResult> history, int bestEpoch,
        int trainTiles, int validationTiles, double seconds, double imagesPerSecond, Map<String, Double> metrics,
        List<String> notes) {

    public TrainingReport {
        history = List.copyOf(history);
        notes = List.copyOf(notes);
    }
}
