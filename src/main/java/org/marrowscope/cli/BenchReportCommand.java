package org.marrowscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.marrowscope.bench.ReportBenchmark;
import org.marrowscope.model.GradCam;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.report.CaseInfo;
import org.marrowscope.report.GradCamProvider;
import org.marrowscope.report.ReportOptions;
import org.marrowscope.report.ReportWriter;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelCatalog;
import org.marrowscope.service.ModelSelection;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Time to write a 200-ROI PDF report, against saving its JSON.",
        description = "Time to write the PDF report of a 200-ROI result, figures and Grad-CAM included, against saving "
            + "the same result as JSON and against the same report without Grad-CAM, all measured in the same rounds. "
            + "Without --result, a synthetic slide is written and classified first (stage-1 thresholds lowered so that "
            + "every tissue tile qualifies: the report's cost, not the selection, is measured).")
final class BenchReportCommand implements Callable<Integer> {

    @Option(names = "--slide", paramLabel = "SLIDE", description = "Slide (with --result); default: a synthetic one.")
    Path slidePath;

    @Option(names = "--result", paramLabel = "JSON", description = "Result of --slide to report on.")
    Path resultPath;

    @Option(names = "--size", defaultValue = "12000x9000", converter = SizeConverter.class,
            description = "Size of the synthetic slide (default: ${DEFAULT-VALUE}).")
    SizeConverter.Size size;

    @Option(names = "--rois", defaultValue = "200", description = "ROIs of the synthetic slide's result (default: ${DEFAULT-VALUE}).")
    int rois;

    @Option(names = "--quality-model", paramLabel = "DIR", description = "Stage-1 bundle (default: the installation's).")
    Path qualityModel;

    @Option(names = "--classifier", paramLabel = "DIR", description = "Stage-2 bundle(s) (default: the installation's).")
    List<Path> classifiers;

    @Option(names = "--reference-diagnosis", paramLabel = "CLASS",
            description = "Also show the ROIs disagreeing with this class (6 more Grad-CAM maps).")
    String reference;

    @Mixin
    RunOptions.Device device;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds after a warm-up round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic slide and ROI draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ((slidePath == null) != (resultPath == null)) {
            throw new IllegalArgumentException("--slide and --result go together");
        }
        ModelSelection models = models();
        Path folder = Files.createTempDirectory("marrowscope-bench-report");
        try (InferenceService service = new InferenceService(VersionProvider.softwareName(),
                Runtime.getRuntime().availableProcessors())) {
            Path slide = slidePath != null ? slidePath : synthesise(folder, out);
            ClassificationResult result = resultPath != null ? org.marrowscope.pipeline.result.ResultStore.read(resultPath)
                    : classify(service, slide, models, folder, out);
            if (!result.classifiable()) {
                throw new IllegalArgumentException("the result is not classifiable; the benchmark needs ROIs to show");
            }
            java.util.function.Supplier<GradCamProvider> fresh = () -> GradCamProvider.fromService(service, slide, result,
                    result.classifiers().getFirst(), models.classifiers().getFirst(), GradCam.Layer.PENULTIMATE, device.value());
            GradCamProvider cams = fresh.get();
            CaseInfo info = CaseInfo.NONE.withCaseId("BENCH-1").withReferenceDiagnosis(reference);
            ReportWriter writer = new ReportWriter(VersionProvider.softwareName(), ReportOptions.DEFAULTS);
            out.printf(Locale.ROOT, "result: %d ROIs, %d classifier(s) (Grad-CAM: %s), %s on %s%n", result.rois().size(),
                    result.classifiers().size(), cams.description(), result.diagnosis(), result.device());
            ReportBenchmark.Round warm = ReportBenchmark.round(slide, result, info, writer, fresh, folder);
            out.printf(Locale.ROOT, "warm-up round (JIT, fonts, first model use): report %.2f s%n", warm.reportSeconds());
            out.flush();
            List<ReportBenchmark.Round> timed = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                ReportBenchmark.Round r = ReportBenchmark.round(slide, result, info, writer, fresh, folder);
                timed.add(r);
                out.printf(Locale.ROOT, "round %d: JSON %.3f s, report without Grad-CAM %.2f s, report %.2f s (%d pages, "
                        + "%.1f MiB, %d Grad-CAM maps)%n", i + 1, r.jsonSeconds(), r.withoutGradCamSeconds(),
                        r.reportSeconds(), r.pages(), r.bytes() / 1048576.0, r.gradCamMaps());
                out.flush();
            }
            double json = timed.stream().mapToDouble(ReportBenchmark.Round::jsonSeconds).average().orElseThrow();
            double noCam = timed.stream().mapToDouble(ReportBenchmark.Round::withoutGradCamSeconds).average().orElseThrow();
            double full = timed.stream().mapToDouble(ReportBenchmark.Round::reportSeconds).average().orElseThrow();
            int maps = timed.getLast().gradCamMaps();
            out.printf(Locale.ROOT, "mean of %d rounds: report %.2f s = %.0fx saving the JSON (%.3f s); without Grad-CAM "
                    + "%.2f s, so the %d maps (computed while the pages are laid out) add %.2f s%n", rounds, full,
                    full / json, json, noCam, maps, full - noCam);
            out.printf(Locale.ROOT, "target under 3 s for a %d-ROI result: %s%n", result.rois().size(),
                    full < 3 ? "met" : "NOT met");
        } finally {
            deleteTree(folder);
        }
        return ExitCodes.OK;
    }

    private ModelSelection models() throws java.io.IOException {
        if (qualityModel != null && classifiers != null && !classifiers.isEmpty()) {
            return new ModelSelection(qualityModel, classifiers);
        }
        ModelSelection found = ModelCatalog.scan(List.of(ModelCatalog.defaultModelsFolder())).defaultSelection();
        return new ModelSelection(qualityModel != null ? qualityModel : found.quality(),
                classifiers != null && !classifiers.isEmpty() ? classifiers : found.classifiers());
    }

    private Path synthesise(Path folder, PrintWriter out) throws Exception {
        Path file = folder.resolve("bench-report.tiff");
        long start = System.nanoTime();
        SyntheticSlideWriter.write(SmearSpec.of(SmearClass.AML, seed, size.width(), size.height()), file,
                TiffWriteOptions.defaults(), WriteProgress.NONE, VersionProvider.softwareName());
        out.printf(Locale.ROOT, "synthetic %s slide written in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
        return file;
    }

    private ClassificationResult classify(InferenceService service, Path slide, ModelSelection models, Path folder,
            PrintWriter out) throws Exception {
        PipelineSettings settings = PipelineSettings.PAPER.withSelection(new SelectionSettings(rois, 0.0, 0.0, seed,
                SelectionSettings.PAPER.batchSize(), false));
        long start = System.nanoTime();
        ClassificationResult result = service.classify(new ClassifyRequest(slide, models, settings, folder, false, device.value()),
                p -> { }, new CancellationToken()).result();
        out.printf(Locale.ROOT, "classified in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return result;
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
