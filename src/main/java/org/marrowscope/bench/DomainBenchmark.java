package org.marrowscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelSelection;
import org.marrowscope.slide.SlideException;

/**
 * What the domain check and the calibration cost: the same slide classified with the calibrated bundles and with
 * copies of them that lack {@code calibration.json} (identical weights), alternately, models warm, results never
 * reused. The difference is everything calibration adds: pooling the penultimate features, the distances, the
 * temperature and the prediction sets.
 */
public final class DomainBenchmark {

    /**
     * @param calibratedSeconds each run's time with calibration (model loading excluded)
     * @param plainSeconds each run's time without
     */
    public record Timing(double[] calibratedSeconds, double[] plainSeconds, ClassificationResult calibrated,
            ClassificationResult plain) {

        public double calibratedMedian() {
            return median(calibratedSeconds);
        }

        public double plainMedian() {
            return median(plainSeconds);
        }

        /** Median with calibration over median without, minus one. */
        public double overhead() {
            return calibratedMedian() / plainMedian() - 1;
        }
    }

    private DomainBenchmark() {
    }

    public static Timing run(Path slide, ModelSelection calibrated, int rounds, Path work)
            throws IOException, SlideException, ModelBundleException {
        ModelSelection plain = new ModelSelection(strip(calibrated.quality(), work),
                calibrated.classifiers().stream().map(c -> uncheck(() -> strip(c, work))).toList());
        double[] with = new double[rounds];
        double[] without = new double[rounds];
        ClassificationResult a = null;
        ClassificationResult b = null;
        try (InferenceService service = new InferenceService("bench", Runtime.getRuntime().availableProcessors())) {
            // One untimed run each loads and warms the models.
            classify(service, slide, calibrated, work);
            classify(service, slide, plain, work);
            for (int i = 0; i < rounds; i++) {
                a = classify(service, slide, calibrated, work);
                b = classify(service, slide, plain, work);
                with[i] = seconds(a);
                without[i] = seconds(b);
            }
        }
        return new Timing(with, without, a, b);
    }

    private static ClassificationResult classify(InferenceService service, Path slide, ModelSelection models, Path work)
            throws IOException, SlideException, ModelBundleException {
        return service.classify(new ClassifyRequest(slide, models, PipelineSettings.PAPER, work.resolve("results"),
                false, "cpu"), Progress.Listener.NONE, new CancellationToken()).result();
    }

    private static double seconds(ClassificationResult r) {
        return r.timings().totalSeconds() - r.timings().modelLoadingSeconds();
    }

    /** A copy of the bundle without its calibration file: the same weights, nothing to check them against. */
    static Path strip(Path bundle, Path work) throws IOException {
        Path out = work.resolve("plain").resolve(bundle.getFileName());
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(bundle.resolve("model.json").toFile());
        ArrayNode files = json.createArrayNode();
        for (JsonNode f : manifest.get("files")) {
            if (!"calibration".equals(f.get("purpose").asText())) {
                files.add(f);
                Files.copy(bundle.resolve(f.get("path").asText()), out.resolve(f.get("path").asText()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        manifest.set("files", files);
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("model.json").toFile(), manifest);
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T uncheck(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Deletes a work folder. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
