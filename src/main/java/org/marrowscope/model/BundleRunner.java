package org.marrowscope.model;

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

    /** Tiles per forward pass. */
    public int batchSize() {
        return batcher.batchSize();
    }

    @Override
    public void close() {
        bundle.close();
    }
}
