package org.marrowscope.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.marrowscope.model.BundleCompatibility;
import org.marrowscope.model.BundleDigest;
import org.marrowscope.model.Classifier;
import org.marrowscope.model.GradCam;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.GradCamMap;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.model.QualityModel;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.ClassificationPipeline;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.Stage;
import org.marrowscope.pipeline.TileClassifier;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.pipeline.result.SlideIdentity;
import org.marrowscope.report.GradCamProvider;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;

/**
 * Runs classifications in the background for the desktop app and the command line alike: one inference
 * thread (runs queue; models are loaded once and kept warm), a reader pool that feeds it tiles, and at most
 * one job per slide at a time (submitting a slide that is already queued or running returns that job).
 */
public final class InferenceService implements AutoCloseable, GradCamProvider.Engine {

    private final String software;
    private final ExecutorService inference;
    private final ExecutorService readers;
    private final WarmModels models = new WarmModels();
    private final Map<Path, ClassifyJob> active = new ConcurrentHashMap<>();

    /** @param readerThreads threads reading tiles while the models run (e.g. the number of cores) */
    public InferenceService(String software, int readerThreads) {
        this.software = software;
        this.inference = Executors.newSingleThreadExecutor(daemon("marrowscope-inference"));
        this.readers = Executors.newFixedThreadPool(Math.max(1, readerThreads), daemon("marrowscope-reader"));
    }

    /** Queues a run; progress is reported on the inference thread. */
    public ClassifyJob submit(ClassifyRequest request, Progress.Listener progress) {
        Path key = request.slide().toAbsolutePath().normalize();
        ClassifyJob created = new ClassifyJob(key);
        ClassifyJob job = active.putIfAbsent(key, created);
        if (job != null) {
            return job;
        }
        inference.submit(() -> {
            try {
                created.outcome().complete(run(request, progress, created.cancellation()));
            } catch (Throwable t) {
                created.outcome().completeExceptionally(t);
            } finally {
                active.remove(key, created);
            }
        });
        return created;
    }

    /** Runs on the calling thread; for callers that manage their own threads (batch command line). */
    public ClassificationOutcome classify(ClassifyRequest request, Progress.Listener progress, CancellationToken cancel)
            throws SlideException, ModelBundleException, IOException {
        return run(request, progress, cancel);
    }

    private ClassificationOutcome run(ClassifyRequest request, Progress.Listener progress, CancellationToken cancel)
            throws SlideException, ModelBundleException, IOException {
        ResultStore store = new ResultStore(request.resultsFolder());
        try (Slide slide = Slides.open(request.slide())) {
            progress.onProgress(new Progress(Stage.LOADING_MODELS, 0, 1, 0, "starting"));
            long loadStart = System.nanoTime();
            QualityModel quality = models.quality(request.models().quality(), request.device());
            List<TileClassifier> classifiers = new ArrayList<>();
            List<BundleDigest.Verified> loaded = new ArrayList<>();
            for (Path dir : request.models().classifiers()) {
                Classifier c = models.classifier(dir, request.device());
                classifiers.add(ModelAdapters.classifier(c));
                loaded.add(verified(c.bundle()));
            }
            BundleCompatibility.check(verified(quality.bundle()), loaded);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            cancel.throwIfCancelled();
            String device = TorchRuntime.describe(quality.bundle().device());
            ModelInfo qualityInfo = ModelAdapters.info(quality.bundle().manifest(), quality.bundle().digest());
            ClassificationPipeline pipeline = new ClassificationPipeline(request.settings(), software);
            List<String> warnings = new ArrayList<>();
            if (request.reuseSaved()) {
                ResultStore.Lookup found = store.lookUp(request.slide(), SlideIdentity.of(slide),
                        pipeline.parameters(slide, qualityInfo.micronsPerPixel()), qualityInfo,
                        classifiers.stream().map(TileClassifier::info).toList());
                found.warning().ifPresent(warnings::add);
                // A result is reused only from a run that left out the same bundles, so what it says stays true.
                if (found.result().isPresent() && found.result().get().leftOutModels().equals(request.models().leftOut())) {
                    return new ClassificationOutcome(found.result().get(), store.location(request.slide()), true);
                }
            }
            ClassificationResult result = pipeline.run(slide,
                    new ClassificationPipeline.QualityModel(qualityInfo, ModelAdapters.quality(quality)), classifiers, device, readers,
                    progress, cancel).withModelLoadingSeconds(loadSeconds).withLeftOutModels(request.models().leftOut());
            cancel.throwIfCancelled();
            progress.onProgress(new Progress(Stage.SAVING, 0, 1, 0, device));
            Path saved = store.save(request.slide(), result);
            return new ClassificationOutcome(result, saved, false, warnings);
        }
    }

    private static BundleDigest.Verified verified(ModelBundle b) {
        return new BundleDigest.Verified(b.directory(), b.manifest(), b.digest());
    }

    /**
     * Grad-CAM of one ROI, from the tile the caller holds (read from its open slide as the models saw it), for one
     * classifier and class, at a layer; computed on the inference thread (after any queued run), so it never
     * competes with a classification for the models.
     *
     * @param classifier the classifier's bundle folder
     */
    @Override
    public CompletableFuture<GradCamMap> gradCam(BufferedImage tile, Path classifier, int classIndex, GradCam.Layer layer,
            String device) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return models.gradCam(classifier, device).compute(tile, classIndex, layer);
            } catch (ModelBundleException e) {
                throw new CompletionException(e);
            }
        }, inference);
    }

    /**
     * Stage 1's p(good) for tiles read as the quality model sees them (see {@code TileReader}), for the expert's
     * tile review; computed on the inference thread with the warm model, after any queued run.
     */
    public CompletableFuture<float[]> qualityScores(Path quality, List<BufferedImage> tiles, String device) {
        List<BufferedImage> copy = List.copyOf(tiles);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return models.quality(quality, device).score(copy);
            } catch (ModelBundleException e) {
                throw new CompletionException(e);
            }
        }, inference);
    }

    /** The job running or queued for this slide, if any. */
    public Optional<ClassifyJob> activeJob(Path slide) {
        return Optional.ofNullable(active.get(slide.toAbsolutePath().normalize()));
    }

    /** Cancels every job and releases the models' native memory. */
    @Override
    public void close() {
        active.values().forEach(ClassifyJob::cancel);
        inference.shutdown();
        readers.shutdownNow();
        try {
            inference.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        models.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
