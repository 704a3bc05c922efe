package org.marrowscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.marrowscope.synth.GroundTruth;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "synth", mixinStandardHelpOptions = true,
        header = "Write a synthetic bone marrow smear slide with its ground truth.",
        description = {"Write a synthetic Wright-Giemsa bone marrow aspirate slide as a tiled pyramidal TIFF that OpenSlide",
            "reads, with its ground truth in OUT's .truth.json sidecar (class, burden, seed, stain, per-tile quality)."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--class", required = true, converter = SmearClassConverter.class,
            description = "ALL, AML, CML, Lymphoma or MM.")
    SmearClass smearClass;

    @Option(names = "--size", required = true, converter = SizeConverter.class, paramLabel = "WxH",
            description = "Level-0 size in pixels, e.g. 20000x15000 (0.25 um/px: 5 x 3.75 mm).")
    SizeConverter.Size size;

    @Option(names = "--seed", required = true, description = "Seed: the same seed gives the same slide.")
    long seed;

    @Option(names = "--burden", description = "Tumour burden 0..1 (default: drawn from the seed).")
    Double burden;

    @Option(names = "--mpp", defaultValue = "0.25", description = "Microns per pixel (default: ${DEFAULT-VALUE}, a 40x scan).")
    double mpp;

    @Option(names = "--compression", defaultValue = "JPEG", description = "JPEG or DEFLATE (default: ${DEFAULT-VALUE}).")
    TiffWriteOptions.Compression compression;

    @Option(names = "--jpeg-quality", defaultValue = "90", description = "JPEG quality 1-100 (default: ${DEFAULT-VALUE}).")
    int jpegQuality;

    @Mixin
    RunOptions.Threads threads;

    @Mixin
    RunOptions.Progress progress;

    @Parameters(paramLabel = "OUT.tiff", description = "The slide to write (its sidecar goes beside it).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("--jpeg-quality must be 1-100, got " + jpegQuality);
        }
        SmearSpec smear = SmearSpec.of(smearClass, seed, size.width(), size.height()).withMicronsPerPixel(mpp);
        if (burden != null) {
            smear = smear.withTumourBurden(burden);
        }
        TiffWriteOptions options = TiffWriteOptions.defaults().withCompression(compression)
                .withJpegQuality(jpegQuality / 100f);
        if (threads.value() != null) {
            options = options.withThreads(threads.count());
        }
        long start = System.nanoTime();
        GroundTruth truth;
        try (ProgressBar bar = !progress.shown() ? null : ProgressReporter.bar(out.getFileName().toString())) {
            WriteProgress progress = bar == null ? WriteProgress.NONE : (done, total) -> {
                bar.maxHint(total);
                bar.stepTo(done);
            };
            truth = SyntheticSlideWriter.write(smear, out, options, progress, VersionProvider.softwareName());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%s: %s, %d x %d px at %s um/px, burden %.2f, seed %d, %.1f s; truth in %s%n", out,
                truth.smearClass().label(), truth.width(), truth.height(), mpp, truth.tumourBurden(), seed, seconds,
                GroundTruth.sidecarOf(out).getFileName());
        stdout.flush();
        return ExitCodes.OK;
    }
}
