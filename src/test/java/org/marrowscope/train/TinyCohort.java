package org.marrowscope.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marrowscope.pipeline.CancellationToken;

/**
 * A tiny synthetic cohort for the training and evaluation tests: 3 slides per class of 2048 x 2048 pixels
 * (49 tiles of the 512/256 grid each), written once under target/ and reused (slides are a pure function of
 * their seed, and the writer skips slides already there).
 */
public final class TinyCohort {

    private static final Path FOLDER = Path.of("target", "test-cohorts", "tiny-3x2048").toAbsolutePath();

    private TinyCohort() {
    }

    /** The cohort's folder, with labels.csv; written on first use. */
    public static synchronized DemoCohort get() {
        DemoCohort cohort = new DemoCohort(FOLDER, 3, 4242, 2048, 2048);
        try {
            Files.createDirectories(FOLDER);
            cohort.write(2, "MarrowScope tests", TrainingListener.NONE, new CancellationToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return cohort;
    }

    /** Stage-1 labels of the first {@code slides} slides from their generator's truth, written as a labels CSV. */
    public static Path qualityLabels(Path csv, int slides) throws IOException, org.marrowscope.slide.SlideException {
        java.util.List<QualitySample> labels = new java.util.ArrayList<>();
        for (DemoCohort.Member m : get().members().subList(0, slides)) {
            labels.addAll(TruthLabels.of(m.slide()).all(0.25));
        }
        QualityLabels.write(csv, labels);
        return csv;
    }

    /** A bundle of the repository's models/templates/ folder. */
    public static Path template(String name) {
        Path p = Path.of("models", "templates", name).toAbsolutePath();
        if (!Files.isRegularFile(p.resolve("model.json"))) {
            throw new IllegalStateException("template " + p + " missing: run /usr/bin/python3 src/train/python/make_templates.py");
        }
        return p;
    }
}
