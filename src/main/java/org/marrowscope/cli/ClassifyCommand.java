package org.marrowscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.marrowscope.io.OutputConflictException;
import org.marrowscope.io.OutputGuard;
import org.marrowscope.io.UserFolders;
import org.marrowscope.pipeline.SlideUnsuitableException;
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
            "label them, majority votes give the diagnosis. Results are saved as JSON in your results folder (or --out)",
            "and reused when slide, models and parameters are unchanged."})
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SLIDE", arity = "1..*", description = "Slide files, or folders of slides.")
    List<Path> slides;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for results (default: your results folder, $XDG_DATA_HOME/marrowscope/results).")
    Path out;

    @Option(names = "--beside-slide", description = "Save each result beside its slide instead of in a results folder.")
    boolean besideSlide;

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

    @Option(names = "--overwrite", description = "Allow replacing an existing --csv file that is not a MarrowScope table"
            + " (inputs and slides are never replaced).")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    /** The last result, for the note on what the models cannot say. */
    private ClassificationResult last;

    @Override
    public Integer call() throws Exception {
        // --require-signed and --trusted-keys hold for every bundle the service loads during this command.
        try (AutoCloseable policy = modelOptions.applyPolicy()) {
            return classifyAll();
        }
    }

    private Integer classifyAll() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> inputs = SlideArguments.expand(slides);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no slide files found in " + slides);
        }
        // Everything that can be refused is refused before the models load or a tile is read.
        PipelineSettings settings = settings();
        OutputGuard guard = new OutputGuard(overwrite);
        inputs.forEach(guard::input);
        guard.input(stainReference);
        if (besideSlide && out != null) {
            throw new IllegalArgumentException("--out and --beside-slide exclude each other: results go to one place");
        }
        // Results go to the user's results folder unless asked otherwise; a slide's folder is written only on request.
        out = besideSlide ? null : out != null ? out : UserFolders.results();
        if (out != null) {
            OutputGuard.requireWritableFolder(out, "--out");
        }
        if (csv != null) {
            guard.check(csv, OutputGuard.Kind.CSV, "--csv " + csv);
            OutputGuard.requireWritableFolder(csv.toAbsolutePath().getParent(), "the folder of --csv");
        }
        Map<Path, BatchRow> refused = checkOutputs(inputs, guard);
        ModelSelection selection = modelOptions.selection(stderr);
        List<BatchRow> rows = new ArrayList<>();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt();
             InferenceService service = new InferenceService(VersionProvider.softwareName(),
                     Runtime.getRuntime().availableProcessors())) {
            CancellationToken cancel = interrupt.token();
            for (Path slide : inputs) {
                BatchRow refusal = refused.get(slide);
                rows.add(refusal != null ? failed(slide, refusal.exitCode(), refusal.message(), stdout, stderr)
                        : classifyOne(service, slide, selection, settings, cancel, stdout, stderr));
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
            return modelOptions.exitCode(exitCode(rows, cancel));
        }
    }

    /**
     * Each slide's outputs (result, GeoJSON, report) checked against every input and every other output, and its
     * folder probed for writing; a slide whose outputs are refused fails on its own and the batch goes on.
     */
    private Map<Path, BatchRow> checkOutputs(List<Path> inputs, OutputGuard guard) {
        ResultStore store = new ResultStore(out);
        Map<Path, BatchRow> refused = new HashMap<>();
        Map<Path, String> folders = new HashMap<>();
        java.util.Set<Path> results = new java.util.HashSet<>();
        for (Path slide : inputs) {
            if (!Files.isRegularFile(slide)) {
                continue; // reported as the slide's own failure (not found, a folder) when it is opened
            }
            String name = Printable.name(slide);
            try {
                Path result = store.location(slide);
                if (!results.add(result.toAbsolutePath().normalize())) {
                    // Same file name and same content fingerprint: the same slide twice, whose one result it shares.
                    continue;
                }
                guard.check(result, OutputGuard.Kind.RESULT, "the result of " + name);
                if (geojson) {
                    guard.check(geoJsonFor(result), OutputGuard.Kind.GEOJSON, "the GeoJSON of " + name);
                }
                if (report) {
                    guard.check(ReportWriter.besideResult(result), OutputGuard.Kind.PDF, "the report of " + name);
                }
                if (out == null) {
                    Path dir = result.getParent();
                    if (!folders.containsKey(dir)) {
                        try {
                            OutputGuard.requireWritableFolder(dir, "the slide's folder");
                            folders.put(dir, "");
                        } catch (IOException e) {
                            folders.put(dir, e.getMessage() + " (leave out --beside-slide, or choose a results folder with --out)");
                        }
                    }
                    if (!folders.get(dir).isEmpty()) {
                        refused.put(slide, BatchRow.failure(slide, ExitCodes.OUTPUT_FAILED, folders.get(dir)));
                    }
                }
            } catch (OutputConflictException e) {
                refused.put(slide, BatchRow.failure(slide, ExitCodes.USAGE, e.getMessage()));
            }
        }
        return refused;
    }

    private BatchRow classifyOne(InferenceService service, Path slide, ModelSelection selection, PipelineSettings settings,
            CancellationToken cancel, PrintWriter stdout, PrintWriter stderr) {
        ClassifyRequest request = new ClassifyRequest(slide, selection, settings, out, !force, device.value());
        String name = Printable.name(slide);
        try (ProgressBar bar = !progress.shown() || json ? null : ProgressReporter.bar(name)) {
            ClassificationOutcome outcome = service.classify(request, ProgressReporter.listener(bar), cancel);
            last = outcome.result();
            outcome.warnings().forEach(w -> stderr.println("marrowscope: " + name + ": warning: " + w));
            Path geo = geojson ? writeGeoJson(outcome) : null;
            Path pdf = report ? writeReport(service, slide, selection, outcome, stderr) : null;
            if (json) {
                stdout.println(BatchRow.jsonLine(slide, outcome, geo, pdf));
            } else {
                stdout.println(ResultSummary.line(name, outcome.result(), outcome.reused()));
                if (pdf != null) {
                    stdout.println(name + ": report " + Printable.path(pdf));
                }
            }
            stdout.flush();
            return BatchRow.of(slide, outcome);
        } catch (SlideException e) {
            return failed(slide, e.kind().exitCode(), e.getMessage(), stdout, stderr);
        } catch (ModelBundleException e) {
            return failed(slide, ExitCodes.MODEL_INVALID, e.getMessage(), stdout, stderr);
        } catch (SlideUnsuitableException e) {
            return failed(slide, ExitCodes.SLIDE_UNSUITABLE, e.getMessage(), stdout, stderr);
        } catch (PipelineException e) {
            return failed(slide, ExitCodes.CLASSIFICATION_FAILED, e.getMessage(), stdout, stderr);
        } catch (CancellationException e) {
            return failed(slide, ExitCodes.CANCELLED, "cancelled", stdout, stderr);
        } catch (IOException e) {
            return failed(slide, ExitCodes.OUTPUT_FAILED, e.getMessage(), stdout, stderr);
        } catch (InterruptedException e) {
            cancel.cancel();
            return failed(slide, ExitCodes.CANCELLED, "cancelled", stdout, stderr);
        } catch (OutOfMemoryError e) {
            // The slide's buffers are unreachable once we are here, so the next slide has the heap again.
            return failed(slide, ExitCodes.OUT_OF_MEMORY, MemoryMessages.outOfMemory(), stdout, stderr);
        } catch (java.io.UncheckedIOException e) {
            return failed(slide, ExitCodes.OUTPUT_FAILED, e.getCause().getMessage(), stdout, stderr);
        } catch (RuntimeException e) {
            // A bug must not cost the rest of the batch: this slide fails with the message, the others go on.
            return failed(slide, ExitCodes.INTERNAL_ERROR, "internal error (please report it): " + e, stdout, stderr);
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
        written.warnings().forEach(w -> stderr.println("marrowscope: " + Printable.name(slide) + ": warning: " + w));
        return written.file();
    }

    private BatchRow failed(Path slide, int code, String message, PrintWriter stdout, PrintWriter stderr) {
        if (json) {
            stdout.println(BatchRow.jsonFailure(slide, code, message));
            stdout.flush();
        }
        stderr.println("marrowscope: " + Printable.name(slide) + ": " + message);
        stderr.flush();
        return BatchRow.failure(slide, code, message);
    }

    private Path writeGeoJson(ClassificationOutcome outcome) throws IOException {
        ObjectNode geo = GeoJsonExport.of(outcome.result());
        Path target = geoJsonFor(outcome.savedTo());
        AtomicFiles.write(target, ResultStore.json().writeValueAsBytes(geo));
        return target;
    }

    static Path geoJsonFor(Path result) {
        String name = result.getFileName().toString();
        String base = name.endsWith(ResultStore.SUFFIX) ? name.substring(0, name.length() - ResultStore.SUFFIX.length())
                : name;
        return result.resolveSibling(base + ".rois.geojson");
    }


    private PipelineSettings settings() throws IOException {
        PipelineSettings s = PipelineSettings.PAPER.withSelection(PipelineSettings.PAPER.selection().withSeed(seed)
                .withRoiCount(rois).withBatchSize(batch).withExhaustive(exhaustive)).withMicronsPerPixel(mpp);
        if (stainReference != null) {
            if (!Files.isRegularFile(stainReference) || !Files.isReadable(stainReference)) {
                throw new IllegalArgumentException("--stain-reference " + stainReference + ": "
                        + (Files.exists(stainReference) ? "not a readable file" : "no such file"));
            }
            java.awt.image.BufferedImage image;
            try {
                image = ImageIO.read(stainReference.toFile());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("--stain-reference " + stainReference + " cannot be read as an image: "
                        + e.getMessage(), e);
            }
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
