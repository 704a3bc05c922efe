package org.marrowscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import javax.imageio.ImageIO;
import me.tongfei.progressbar.ProgressBar;
import org.marrowscope.model.GradCam;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineException;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.ReinhardNormaliser;
import org.marrowscope.pipeline.maps.GeoJsonExport;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.OutcomeText;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.report.CaseInfo;
import org.marrowscope.report.GradCamProvider;
import org.marrowscope.report.ReportOptions;
import org.marrowscope.report.ReportWriter;
import org.marrowscope.service.ClassificationOutcome;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelSelection;
import org.marrowscope.slide.SlideException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "classify", mixinStandardHelpOptions = true,
        header = "Classify slides with the two-stage pipeline and save the results.",
        description = {"Classify slides with the two-stage pipeline: stage 1 selects 200 good ROIs, stage 2's classifiers",
            "label them, majority votes give the diagnosis. Results are saved as JSON beside each slide (or in --out)",
            "and reused when slide, models and parameters are unchanged."})
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SLIDE", arity = "1..*", description = "Slide files, or folders of slides.")
    List<Path> slides;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for results (default: beside each slide).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the ROI draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rois", defaultValue = "200", description = "ROIs per slide (default: ${DEFAULT-VALUE}).")
    int rois;

    @Option(names = "--batch", defaultValue = "32", description = "Tiles per model batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--mpp", paramLabel = "UM", description = "Microns per pixel of level 0, for slides without calibration.")
    Double mpp;

    @Mixin
    RunOptions.Device device;

    @Option(names = "--exhaustive", description = "Score every tile before drawing ROIs, as the paper did (slower; same distribution).")
    boolean exhaustive;

    @Option(names = "--stain-reference", paramLabel = "IMAGE",
            description = "Reinhard-normalise tiles to this reference image's colours.")
    Path stainReference;

    @Option(names = "--force", description = "Recompute even when a matching saved result exists.")
    boolean force;

    @Option(names = "--json", description = "Print one JSON object per slide (JSON lines) instead of text.")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write a CSV table with one row per slide.")
    Path csv;

    @Option(names = "--geojson", description = "Also write the ROIs as GeoJSON (QuPath: File > Import objects) beside the result.")
    boolean geojson;

    @Option(names = "--report", description = "Also write the PDF report (SLIDE.report.pdf) beside each result.")
    boolean report;

    @Mixin
    RunOptions.Progress progress;

    @Spec
    CommandSpec spec;

    /** The last result, for the note on what the models cannot say. */
    private ClassificationResult last;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> inputs = SlideArguments.expand(slides);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no slide files found in " + slides);
        }
        ModelSelection selection = modelOptions.selection();
        PipelineSettings settings = settings();
        List<BatchRow> rows = new ArrayList<>();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt();
             InferenceService service = new InferenceService(VersionProvider.softwareName(),
                     Runtime.getRuntime().availableProcessors())) {
            CancellationToken cancel = interrupt.token();
            for (Path slide : inputs) {
                rows.add(classifyOne(service, slide, selection, settings, cancel, stdout, stderr));
                if (cancel.isCancelled()) {
                    break;
                }
            }
            if (csv != null) {
                AtomicFiles.write(csv, BatchRow.csv(rows));
            }
            if (!json && last != null) {
                // What the models cannot say, once per run (the app and the PDF say it with every result).
                stderr.println("marrowscope: note: " + OutcomeText.scope(last));
            }
            return exitCode(rows, cancel);
        }
    }

    private BatchRow classifyOne(InferenceService service, Path slide, ModelSelection selection, PipelineSettings settings,
            CancellationToken cancel, PrintWriter stdout, PrintWriter stderr) {
        ClassifyRequest request = new ClassifyRequest(slide, selection, settings, out, !force, device.value());
        try (ProgressBar bar = !progress.shown() || json ? null : ProgressReporter.bar(slide.getFileName().toString())) {
            ClassificationOutcome outcome = service.classify(request, ProgressReporter.listener(bar), cancel);
            last = outcome.result();
            Path geo = geojson ? writeGeoJson(outcome) : null;
            Path pdf = report ? writeReport(service, slide, selection, outcome, stderr) : null;
            if (json) {
                stdout.println(BatchRow.jsonLine(slide, outcome, geo, pdf));
            } else {
                stdout.println(ResultSummary.line(slide.getFileName().toString(), outcome.result(), outcome.reused()));
                if (pdf != null) {
                    stdout.println(slide.getFileName() + ": report " + pdf);
                }
            }
            stdout.flush();
            return BatchRow.of(slide, outcome);
        } catch (SlideException e) {
            return failed(slide, e.kind().exitCode(), e.getMessage(), stdout, stderr);
        } catch (ModelBundleException e) {
            return failed(slide, ExitCodes.MODEL_INVALID, e.getMessage(), stdout, stderr);
        } catch (PipelineException e) {
            return failed(slide, ExitCodes.CLASSIFICATION_FAILED, e.getMessage(), stdout, stderr);
        } catch (CancellationException e) {
            return failed(slide, ExitCodes.CANCELLED, "cancelled", stdout, stderr);
        } catch (IOException e) {
            return failed(slide, ExitCodes.OUTPUT_FAILED, e.getMessage(), stdout, stderr);
        } catch (InterruptedException e) {
            cancel.cancel();
            return failed(slide, ExitCodes.CANCELLED, "cancelled", stdout, stderr);
        }
    }

    /** The report beside the result, with Grad-CAM from the first classifier through the same warm service. */
    private Path writeReport(InferenceService service, Path slide, ModelSelection selection, ClassificationOutcome outcome,
            PrintWriter stderr) throws IOException, SlideException, InterruptedException {
        ClassificationResult result = outcome.result();
        GradCamProvider cams = result.classifiable()
                ? GradCamProvider.fromService(service, slide, result, result.classifiers().getFirst(),
                        selection.classifiers().getFirst(), GradCam.Layer.PENULTIMATE, device.value())
                : GradCamProvider.unavailable("the slide was not classifiable");
        ReportWriter.Written written = new ReportWriter(VersionProvider.softwareName(), ReportOptions.DEFAULTS)
                .write(slide, result, CaseInfo.NONE, cams, ReportWriter.besideResult(outcome.savedTo()));
        written.warnings().forEach(w -> stderr.println("marrowscope: " + slide.getFileName() + ": warning: " + w));
        return written.file();
    }

    private BatchRow failed(Path slide, int code, String message, PrintWriter stdout, PrintWriter stderr) {
        if (json) {
            stdout.println(BatchRow.jsonFailure(slide, code, message));
            stdout.flush();
        }
        stderr.println("marrowscope: " + slide.getFileName() + ": " + message);
        stderr.flush();
        return BatchRow.failure(slide, code, message);
    }

    private Path writeGeoJson(ClassificationOutcome outcome) throws IOException {
        ObjectNode geo = GeoJsonExport.of(outcome.result());
        String name = outcome.savedTo().getFileName().toString().replace(ResultStore.SUFFIX, ".rois.geojson");
        Path target = outcome.savedTo().resolveSibling(name);
        AtomicFiles.write(target, ResultStore.json().writeValueAsBytes(geo));
        return target;
    }


    private PipelineSettings settings() throws IOException {
        PipelineSettings s = PipelineSettings.PAPER.withSelection(PipelineSettings.PAPER.selection().withSeed(seed)
                .withRoiCount(rois).withBatchSize(batch).withExhaustive(exhaustive)).withMicronsPerPixel(mpp);
        if (stainReference != null) {
            var image = ImageIO.read(stainReference.toFile());
            if (image == null) {
                throw new IllegalArgumentException("--stain-reference " + stainReference + " is not a readable image");
            }
            s = s.withStain(ReinhardNormaliser.fromReference(image));
        }
        return s;
    }

    private static int exitCode(List<BatchRow> rows, CancellationToken cancel) {
        if (cancel.isCancelled()) {
            return ExitCodes.CANCELLED;
        }
        List<BatchRow> failures = rows.stream().filter(r -> r.exitCode() != 0).toList();
        if (failures.isEmpty()) {
            return ExitCodes.OK;
        }
        return rows.size() == 1 ? failures.getFirst().exitCode() : ExitCodes.SOME_SLIDES_FAILED;
    }
}
