package org.marrowscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.marrowscope.cohort.CohortEngine;
import org.marrowscope.cohort.CohortEntry;
import org.marrowscope.cohort.CohortFile;
import org.marrowscope.cohort.CohortRun;
import org.marrowscope.cohort.JobSpec;
import org.marrowscope.cohort.SlideRow;
import org.marrowscope.eval.Bootstrap;
import org.marrowscope.io.OutputGuard;
import org.marrowscope.model.BundleDigest;
import org.marrowscope.service.ModelSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "cohort", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Classify and evaluate a cohort on Apache Spark (local or cluster).",
        description = {"Classifies every slide of COHORT (CSV: slide[,diagnosis][,patient]) as Spark tasks, one per slide,",
            "each executor keeping its models loaded. Results go to OUT as classify --out names them (reused when they",
            "verify and match models and parameters); OUT/summary.parquet and OUT/summary.csv have one row per slide;",
            "labelled slides are evaluated with evaluate's metrics into OUT/evaluation. Slides, models and OUT must be",
            "on storage every executor reads at the same path. Needs the Spark distribution (bin/marrowscope-spark)."})
final class CohortCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "COHORT", description = "CSV with the header slide[,diagnosis][,patient].")
    Path cohort;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results folder (shared storage).")
    Path out;

    @Option(names = "--slides", paramLabel = "DIR", description = "Folder relative slide paths are resolved against (default: the CSV's folder).")
    Path slides;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL",
            description = "Spark master: local[*] (default: embedded, every core), local[N], spark://HOST:PORT, yarn, k8s://...")
    String master;

    @Option(names = "--tries", defaultValue = "3", paramLabel = "N", description = "Tries per slide before it is recorded as failed (default: ${DEFAULT-VALUE}).")
    int tries;

    @Option(names = "--executor-memory", defaultValue = "4g", paramLabel = "SIZE", description = "Heap per executor (default: ${DEFAULT-VALUE}).")
    String executorMemory;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Any further Spark setting (repeatable); wins over MarrowScope's.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the ROI draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rois", defaultValue = "200", description = "ROIs per slide (default: ${DEFAULT-VALUE}).")
    int rois;

    @Option(names = "--batch", defaultValue = "32", description = "Tiles per model batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--mpp", paramLabel = "UM", description = "Microns per pixel of level 0, for slides without calibration.")
    Double mpp;

    @Option(names = "--exhaustive", description = "Score every tile before drawing ROIs, as the paper did.")
    boolean exhaustive;

    @Mixin
    RunOptions.Device device;

    @Option(names = "--force", description = "Classify again even where a matching saved result exists.")
    boolean force;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap resamples of the evaluation (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (AutoCloseable policy = modelOptions.applyPolicy()) {
            return runCohort();
        }
    }

    private Integer runCohort() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Optional<CohortEngine> engine = ServiceLoader.load(CohortEngine.class).findFirst();
        if (engine.isEmpty()) {
            stderr.println("marrowscope: Spark is not part of this installation: run the cohort command with"
                    + " bin/marrowscope-spark from the Spark distribution (README, \"Cohorts on Spark\")");
            return ExitCodes.SPARK_MISSING;
        }
        // Everything that can be refused is refused before Spark starts.
        CohortEngine.Settings settings = new CohortEngine.Settings(master, tries, executorMemory, conf);
        ModelSelection models = modelOptions.selection(stderr);
        if (!models.leftOut().isEmpty()) {
            // Executors verify exactly the bundles the driver names and their results do not record left-out ones,
            // so a cohort never runs on a reduced ensemble.
            stderr.println("marrowscope: cohort runs only with every bundle verified; --skip-failed-bundles left out "
                    + models.leftOut().stream().map(m -> m.name() + " (" + m.problem() + ")").toList()
                    + ": repair or remove them");
            return ExitCodes.MODEL_INVALID;
        }
        List<String> digests = new ArrayList<>();
        List<String> classifierNames = new ArrayList<>();
        List<String> classes = null;
        for (Path bundle : bundles(models)) {
            BundleDigest.Verified v = BundleDigest.verify(bundle);
            digests.add(v.digest());
            if (!bundle.equals(models.quality())) {
                classifierNames.add(v.manifest().name());
                classes = classes == null ? v.manifest().classes() : classes;
            }
        }
        List<CohortEntry> entries = CohortFile.read(cohort, slides, classes);
        OutputGuard.requireWritableFolder(out, "--out");
        JobSpec job = new JobSpec(absolute(models.quality()), models.classifiers().stream().map(CohortCommand::absolute)
                .toList(), digests, seed, rois, batch, mpp, exhaustive, device.value(), absolute(out), !force,
                VersionProvider.softwareName());
        CohortRun.Outcome outcome;
        try {
            outcome = CohortRun.run(engine.get(), settings, job, cohort, entries, classes, classifierNames,
                    new Bootstrap(resamples, seed, 0.95));
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the Spark job failed")) {
                stderr.println("marrowscope: " + e.getMessage());
                return ExitCodes.COHORT_JOB_FAILED;
            }
            throw e;
        }
        print(stdout, stderr, outcome);
        return outcome.failed() == 0 ? ExitCodes.OK : ExitCodes.SOME_SLIDES_FAILED;
    }

    private static List<Path> bundles(ModelSelection models) {
        List<Path> all = new ArrayList<>();
        all.add(models.quality());
        all.addAll(models.classifiers());
        return all;
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    private static void print(PrintWriter stdout, PrintWriter stderr, CohortRun.Outcome o) {
        for (SlideRow r : o.rows()) {
            if (r.failed()) {
                stderr.println("marrowscope: " + Printable.name(Path.of(r.slide())) + ": failed (" + r.reasonCode() + "): "
                        + r.message());
            }
        }
        long classified = o.rows().stream().filter(r -> "classified".equals(r.status())).count();
        stdout.printf(Locale.ROOT, "%d slides: %d classified, %d refused, %d failed (%d saved results reused)%n",
                o.rows().size(), classified, o.rows().size() - classified - o.failed(), o.failed(), o.reused());
        stdout.println("Summary: " + o.csv() + " and " + o.parquet());
        if (!o.evaluation().isEmpty()) {
            stdout.println("Evaluation: " + o.evaluation().size() + " files in " + o.evaluation().getFirst().getParent());
        } else {
            stdout.println("No evaluation: " + o.evaluationNote());
        }
        stdout.flush();
        stderr.flush();
    }
}
