package org.marrowscope.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.marrowscope.model.BundleSignature;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelCatalog;

/**
 * What the windows share: folders, settings, the inference service and a small pool for the app's own
 * background work (opening slides, reading ROI pictures, building maps). The FX thread never does I/O.
 */
public final class AppContext implements AutoCloseable {

    /** System property naming a models folder, above the settings (tests, or a lab's shared models). */
    public static final String MODELS_PROPERTY = "marrowscope.models";

    private final AppPaths paths;
    private final SettingsStore settings;
    private final InferenceService inference;
    private final PipelineSettings pipeline;
    private final ExecutorService background;
    private final String software;
    /** The signature policy of the process without the settings (system properties, environment). */
    private final BundleSignature.Policy basePolicy = BundleSignature.Policy.current();
    private BundleSignature.Installed installedPolicy;

    /**
     * @param pipeline the pipeline's settings for runs started from the app (the paper's defaults for users); the
     *     stage-1 numbers come from the user's settings
     */
    public AppContext(AppPaths paths, String software, PipelineSettings pipeline) {
        this.paths = paths;
        this.software = software;
        this.settings = new SettingsStore(paths.settingsFile());
        this.pipeline = pipeline;
        int cores = Runtime.getRuntime().availableProcessors();
        this.inference = new InferenceService(software, Math.max(1, cores));
        AtomicInteger n = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "marrowscope-app-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        applySignaturePolicy();
    }

    /**
     * Puts the settings' signature choice in force for every bundle the app loads (the scan, the service), by the
     * same rule and the same mechanism as the command line's --require-signed and --trusted-keys. Called at start and
     * whenever the settings change.
     */
    public synchronized void applySignaturePolicy() {
        restorePolicy();
        Settings s = settings.get();
        installedPolicy = basePolicy.with(s.requireSignedModels(),
                s.trustedKeysFolder() == null ? null : Path.of(s.trustedKeysFolder())).install();
    }

    private synchronized void restorePolicy() {
        if (installedPolicy != null) {
            installedPolicy.close();
            installedPolicy = null;
        }
    }

    /** The application and version, as results and reports name it. */
    public String software() {
        return software;
    }

    public AppPaths paths() {
        return paths;
    }

    public SettingsStore settings() {
        return settings;
    }

    public InferenceService inference() {
        return inference;
    }

    /** The pipeline settings for the next run: the base settings with the user's stage-1 numbers. */
    public PipelineSettings pipeline() {
        Settings.Selection s = settings.get().selection();
        return pipeline.withSelection(new SelectionSettings(s.roiCount(), s.highThreshold(), s.lowThreshold(), s.seed(),
                pipeline.selection().batchSize(), pipeline.selection().exhaustive()));
    }

    public ExecutorService background() {
        return background;
    }

    /** The models folder in force: the system property, else the settings, else the installation's. */
    public Path modelsFolder() {
        String property = System.getProperty(MODELS_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String set = settings.get().modelsFolder();
        return set != null && !set.isBlank() ? Path.of(set) : ModelCatalog.defaultModelsFolder();
    }

    /**
     * Where results are saved: the folder set in Settings, else the user's results folder; null only when the user
     * chose "beside each slide".
     */
    public Path resultsFolder() {
        if (settings.get().resultsBesideSlide()) {
            return null;
        }
        String set = settings.get().resultsFolder();
        return set == null || set.isBlank() ? paths.resultsFolder() : Path.of(set);
    }

    /** The inference device; null lets the runtime choose. */
    public String device() {
        String d = settings.get().device();
        return d == null || d.equals("auto") ? null : d;
    }

    public long tileCacheBytes() {
        return settings.get().tileCacheMegabytes() * 1024L * 1024L;
    }

    @Override
    public void close() {
        background.shutdownNow();
        inference.close();
        restorePolicy();
    }
}
