package org.marrowscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.report.CaseInfo;
import org.marrowscope.report.GradCamProvider;
import org.marrowscope.report.ReportWriter;

/**
 * The cost of a report against baselines measured in the same round on the same result: saving the result as
 * JSON (what classify writes anyway), and the same report without Grad-CAM (thumbnail, maps, tiles, layout and
 * PDF/A output only), which separates the models' share from the document's.
 */
public final class ReportBenchmark {

    /** Seconds of each step of one round, and what the full report held. */
    public record Round(double jsonSeconds, double withoutGradCamSeconds, double reportSeconds, int pages, long bytes,
            int gradCamMaps) {
    }

    private ReportBenchmark() {
    }

    /**
     * @param gradCams a fresh provider per call: a provider keeps the maps it computed, which would make later
     *     rounds skip the models
     */
    public static Round round(Path slide, ClassificationResult result, CaseInfo info, ReportWriter writer,
            Supplier<GradCamProvider> gradCams, Path folder) throws Exception {
        long t0 = System.nanoTime();
        AtomicFiles.write(folder.resolve("result.json"), ResultStore.json().writeValueAsBytes(result));
        long t1 = System.nanoTime();
        writer.write(slide, result, info, GradCamProvider.unavailable("left out to time the rest"),
                folder.resolve("without-gradcam.pdf"));
        long t2 = System.nanoTime();
        ReportWriter.Written full = writer.write(slide, result, info, gradCams.get(), folder.resolve("report.pdf"));
        long t3 = System.nanoTime();
        return new Round((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, full.pages(), Files.size(full.file()),
                full.gradCamMaps());
    }
}
