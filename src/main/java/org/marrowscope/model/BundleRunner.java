package org.marrowscope.model;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.marrowscope.calibration.DomainCheck;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.calibration.Temperature;
import org.marrowscope.model.ModelManifest.Role;

/**
 * What the stage-1 and stage-2 model wrappers share: a loaded bundle of the right role, run in batches. Owns its
 * bundle: closing this closes it.
 */
public abstract sealed class BundleRunner implements AutoCloseable permits Classifier, QualityModel {

    private final ModelBundle bundle;
    final TileBatcher batcher;

    /**
     * @param what how an error names the expected kind, e.g. "a classifier"
     * @throws IllegalArgumentException when the bundle has another role
     */
    BundleRunner(ModelBundle bundle, int batchSize, Role role, String what) {
        if (bundle.manifest().role() != role) {
            throw new IllegalArgumentException(bundle.manifest().name() + " is a "
                    + bundle.manifest().role().name().toLowerCase() + " model, not " + what);
        }
        this.bundle = bundle;
        this.batcher = new TileBatcher(bundle, batchSize);
    }

    /** The bundle this model runs. */
    public ModelBundle bundle() {
        return bundle;
    }

    /**
     * Calibrated probabilities and domain distances for each tile, from one forward pass.
     *
     * @param tiles RGB tiles of any size (resized to the model's input size)
     */
    public Scored scored(List<BufferedImage> tiles) {
        TileOutputs raw = batcher.outputs(tiles);
        Optional<ModelCalibration> calibration = bundle.calibration();
        Temperature t = calibration.map(ModelCalibration::temperatureOrNone).orElse(Temperature.NONE);
        DomainCheck domain = calibration.map(ModelCalibration::domain).orElse(null);
        float[][] probabilities = new float[tiles.size()][];
        double[] distances = domain == null ? null : new double[tiles.size()];
        for (int i = 0; i < tiles.size(); i++) {
            probabilities[i] = t.probabilities(raw.logits()[i]);
            if (domain != null) {
                distances[i] = domain.distance(raw.features()[i]);
            }
        }
        return new Scored(probabilities, distances, raw);
    }

    /**
     * Tiles as the calibrated model sees them.
     *
     * @param probabilities per tile, softmax(logits / T) (T = 1 without calibration)
     * @param distances per tile, the domain check's distance; null when the bundle has no domain check
     * @param raw the logits and features they came from
     */
    public record Scored(float[][] probabilities, double[] distances, TileOutputs raw) {
    }

    /** Raw logits and features of each tile (what calibration is derived from). */
    public TileOutputs outputs(List<BufferedImage> tiles) {
        return batcher.outputs(tiles);
    }

    /** Tiles per forward pass. */
    public int batchSize() {
        return batcher.batchSize();
    }

    @Override
    public void close() {
        bundle.close();
    }
}
