package org.marrowscope.service;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.GradCam;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.QualityModel;
import org.marrowscope.model.TorchRuntime;

/**
 * Loaded models kept between runs: loading a bundle (and starting PyTorch) costs seconds, a second slide
 * should not pay it again. A bundle whose files changed on disk is loaded afresh (its hash differs).
 * Used from the service's single inference thread only.
 */
final class WarmModels implements AutoCloseable {

    private record Key(Path directory, String bundleHash, String device) {
    }

    private final Map<Key, QualityModel> quality = new LinkedHashMap<>();
    private final Map<Key, Classifier> classifiers = new LinkedHashMap<>();
    private final Map<Key, GradCam> gradCams = new LinkedHashMap<>();

    QualityModel quality(Path dir, String device) throws ModelBundleException {
        return cached(quality, dir, device, () -> new QualityModel(load(dir, device)));
    }

    Classifier classifier(Path dir, String device) throws ModelBundleException {
        return cached(classifiers, dir, device, () -> new Classifier(load(dir, device)));
    }

    /** Grad-CAM for a classifier, sharing the classifier's loaded bundle. */
    GradCam gradCam(Path dir, String device) throws ModelBundleException {
        return cached(gradCams, dir, device, () -> GradCam.create(classifier(dir, device).bundle()));
    }

    @FunctionalInterface
    private interface Loader<T> {
        T load() throws ModelBundleException;
    }

    private static <T> T cached(Map<Key, T> cache, Path dir, String device, Loader<T> loader) throws ModelBundleException {
        Key key = key(dir, device);
        T model = cache.get(key);
        if (model == null) {
            model = loader.load();
            cache.put(key, model);
        }
        return model;
    }

    private static ModelBundle load(Path dir, String device) throws ModelBundleException {
        return device == null ? ModelBundle.load(dir) : ModelBundle.load(dir, TorchRuntime.device(device));
    }

    private static Key key(Path dir, String device) throws ModelBundleException {
        Path normalised = dir.toAbsolutePath().normalize();
        return new Key(normalised, org.marrowscope.model.BundleDigest.verify(normalised).digest(), device == null ? "auto" : device);
    }

    @Override
    public void close() {
        gradCams.values().forEach(GradCam::close);
        gradCams.clear();
        quality.values().forEach(QualityModel::close);
        classifiers.values().forEach(Classifier::close);
        quality.clear();
        classifiers.clear();
    }
}
