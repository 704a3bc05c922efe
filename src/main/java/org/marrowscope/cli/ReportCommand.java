package org.marrowscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marrowscope.model.GradCam;
import org.marrowscope.io.OutputGuard;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.InvalidResultException;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.io.UserFolders;
import org.marrowscope.report.CaseInfo;
import org.marrowscope.report.GradCamProvider;
import org.marrowscope.report.ReportOptions;
import org.marrowscope.report.ReportWriter;
import org.marrowscope.service.GradCamLookup;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Write the PDF/A-2b report of a classified slide.",
        description = "Write the PDF/A-2b report of a classified slide: case and slide fields, the suggested diagnosis "
            + "with its votes, ROI and saliency maps, ROI galleries with Grad-CAM, parameters, models, timings and the "
            + "intended-use statement. Patient fields appear only when given; the label image only with --include-label.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SLIDE", description = "The classified slide.")
    Path slide;

    @Option(names = "--result", paramLabel = "JSON",
            description = "Result file (default: the one saved in --results, else beside the slide).")
    Path resultFile;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Folder classify saved results in (its --out; default: your results folder).")
    Path resultsFolder;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.pdf",
            description = "Report file (default: SLIDE.report.pdf beside the result).")
    Path output;

    @Option(names = "--case-id", paramLabel = "ID", description = "Case or accession number (shown on every page).")
    String caseId;

    @Option(names = "--patient-name", paramLabel = "NAME", description = "Patient's name (left out when not given).")
    String patientName;

    @Option(names = "--patient-id", paramLabel = "ID", description = "Patient's identifier, e.g. record number.")
    String patientId;

    @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD", description = "Patient's date of birth.")
    LocalDate birthDate;

    @Option(names = "--physician", paramLabel = "NAME", description = "Requesting physician.")
    String physician;

    @Option(names = "--pathologist", paramLabel = "NAME", description = "Reporting pathologist.")
    String pathologist;

    @Option(names = "--reference-diagnosis", paramLabel = "CLASS",
            description = "The pathologist's diagnosis (one of the models' classes): ROIs labelled otherwise are shown.")
    String referenceDiagnosis;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Free-text comment printed under the case fields.")
    String comment;

    @Option(names = "--include-label", description = "Include the slide's label image (it may show patient identity).")
    boolean includeLabel;

    @Option(names = "--gallery", defaultValue = "3", paramLabel = "N",
            description = "ROIs shown per predicted class (default: ${DEFAULT-VALUE}).")
    int gallery;

    @Option(names = "--gradcam-layer", defaultValue = "penultimate", paramLabel = "LAYER",
            description = "penultimate or intermediate (default: ${DEFAULT-VALUE}).")
    String layer;

    @Option(names = "--models", paramLabel = "DIR", description = "Folders to find the classifier bundle in for Grad-CAM "
            + "(matched by SHA-256; default: the installation's models/).")
    List<Path> modelFolders;

    @Mixin
    RunOptions.Device device;

    @Option(names = "--overwrite", description = "Allow replacing an existing -o file that is not a PDF"
            + " (the slide and the result are never replaced).")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path resultPath = resultFile != null ? resultFile : savedResult();
        Path target = output != null ? output : ReportWriter.besideResult(resultPath);
        // The output is checked before anything is read or rendered: -o must never land on the slide or the result.
        new OutputGuard(overwrite).input(slide).input(resultPath)
                .check(target, OutputGuard.Kind.PDF, output != null ? "-o " + output : "the report " + target);
        OutputGuard.requireWritableFolder(target.toAbsolutePath().getParent(), "the report's folder");
        ClassificationResult result = readResult(resultPath);
        CaseInfo info = new CaseInfo(caseId, patientName, patientId, birthDate, physician, pathologist, referenceDiagnosis,
                comment);
        ReportOptions options = ReportOptions.DEFAULTS.withIncludeLabel(includeLabel).withGalleryPerClass(gallery);
        List<Path> folders = modelFolders == null || modelFolders.isEmpty()
                ? List.of(ModelCatalog.defaultModelsFolder()) : modelFolders;
        // Ctrl+C interrupts the report (nothing is written then) and lets it clean up before the JVM exits.
        try (CancelOnInterrupt interrupt = CancelOnInterrupt.interrupting(Thread.currentThread(), Duration.ofSeconds(10));
             InferenceService service = new InferenceService(VersionProvider.softwareName(), 1)) {
            GradCamProvider cams = GradCamLookup.locate(service, slide, result, folders, layer(), device.value());
            if (result.classifiable() && !cams.available()) {
                err.println("marrowscope: warning: Grad-CAM maps left out: " + cams.unavailableReason().orElseThrow());
            }
            ReportWriter.Written written = new ReportWriter(VersionProvider.softwareName(), options)
                    .write(slide, result, info, cams, target);
            written.warnings().forEach(w -> err.println("marrowscope: warning: " + w));
            out.printf(Locale.ROOT, "%s: report written to %s (%d pages, %.1f MiB)%s%n", Printable.name(slide),
                    Printable.path(target),
                    written.pages(), written.bytes() / 1048576.0, result.classifiable() ? "" : "; the slide was not classifiable");
            return ExitCodes.OK;
        }
    }

    /**
     * The result classify saved: in --results (default: the user's results folder), else beside the slide, where
     * {@code classify --beside-slide} and earlier versions put it; the results folder's name when neither exists.
     */
    private Path savedResult() {
        Path inFolder = new ResultStore(resultsFolder != null ? resultsFolder : UserFolders.results()).existing(slide);
        if (Files.isRegularFile(inFolder) || resultsFolder != null) {
            return inFolder;
        }
        Path beside = new ResultStore(null).existing(slide);
        return Files.isRegularFile(beside) ? beside : inFolder;
    }

    private ClassificationResult readResult(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no saved result for " + Printable.name(slide) + " at " + file
                    + ": classify the slide first (marrowscope classify), or pass --result");
        }
        try {
            return ResultStore.read(file);
        } catch (InvalidResultException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidResultException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private GradCam.Layer layer() {
        try {
            return GradCam.Layer.valueOf(layer.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--gradcam-layer must be penultimate or intermediate, not '" + layer + "'");
        }
    }
}
