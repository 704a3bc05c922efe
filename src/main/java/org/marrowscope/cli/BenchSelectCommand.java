package org.marrowscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.marrowscope.bench.SelectionBenchmark;
import org.marrowscope.model.QualityModel;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.service.ModelCatalog;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "select", mixinStandardHelpOptions = true,
        header = "Stage 1's early stop against scoring every tile, on the same slide.",
        description = {"Stage 1 timed two ways on the same slide and model: the random-order early stop against scoring",
            "every tile as the paper did. Both draw uniform 200-subsets of the tiles with p(good) >= 0.8."})
final class BenchSelectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SLIDE", arity = "0..1",
            description = "Slide to use; without one, a synthetic slide of --size is written to a temporary folder.")
    Path slidePath;

    @Option(names = "--size", defaultValue = "60000x45000", converter = SizeConverter.class,
            description = "Size of the synthetic slide (default: ${DEFAULT-VALUE}).")
    SizeConverter.Size size;

    @Option(names = "--quality-model", paramLabel = "DIR", description = "Stage-1 bundle (default: the installation's).")
    Path qualityModel;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--rounds", defaultValue = "3", description = "Early-stop runs (different seeds) to average (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path slideFile = slidePath != null ? slidePath : synthesise(out);
        Path model = qualityModel != null ? qualityModel
                : ModelCatalog.scan(java.util.List.of(ModelCatalog.defaultModelsFolder())).defaultSelection().quality();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService readers = Executors.newFixedThreadPool(threads);
        try (Slide slide = Slides.open(slideFile); QualityModel quality = QualityModel.load(model)) {
            double modelMpp = quality.bundle().manifest().input().micronsPerPixel();
            double slideMpp = slide.micronsPerPixel().orElseThrow(() -> new IllegalArgumentException(
                    slideFile + " has no resolution")).mean();
            TileGeometry geometry = TileGeometry.forScale(512, 256, modelMpp, slideMpp);
            out.printf(Locale.ROOT, "slide %s (%d x %d), quality model %s, %d reader threads%n", slideFile.getFileName(),
                    slide.width(), slide.height(), quality.bundle().manifest().name(), threads);
            double early = 0;
            SelectionBenchmark.Run last = null;
            for (int r = 0; r < rounds; r++) {
                last = SelectionBenchmark.run(slide, geometry, quality::score, SelectionSettings.PAPER.withSeed(seed + r),
                        readers, true);
                early += last.seconds();
                out.printf(Locale.ROOT, "early stop, seed %d: %.2f s, %d of %d candidate tiles assessed (%s)%n", seed + r,
                        last.seconds(), last.selection().assessed(), last.candidates(), last.selection().mode());
                out.flush();
            }
            early /= rounds;
            SelectionBenchmark.Run full = SelectionBenchmark.run(slide, geometry, quality::score,
                    SelectionSettings.PAPER.withSeed(seed).withExhaustive(true), readers, false);
            out.printf(Locale.ROOT, "exhaustive (paper): %.2f s, %d of %d grid tiles assessed, %d with p >= 0.8 (%s)%n",
                    full.seconds(), full.selection().assessed(), full.gridTiles(), full.selection().atHigh(), full.selection().mode());
            out.printf(Locale.ROOT, "speed-up: %.1fx (early stop mean %.2f s vs %.2f s)%n", full.seconds() / early, early, full.seconds());
            boolean allGood = last.selection().rois().stream().allMatch(a -> a.quality() >= 0.8f);
            out.printf(Locale.ROOT, "early-stop ROIs: %d, all with p >= 0.8: %s (uniformity is checked by RoiSelectorTest)%n",
                    last.selection().rois().size(), allGood);
        } finally {
            readers.shutdownNow();
            if (slidePath == null) {
                Files.deleteIfExists(slideFile);
                Files.deleteIfExists(org.marrowscope.synth.GroundTruth.sidecarOf(slideFile));
            }
        }
        return ExitCodes.OK;
    }

    private Path synthesise(PrintWriter out) throws Exception {
        Path file = Files.createTempDirectory("marrowscope-bench").resolve("bench-select.tiff");
        out.printf(Locale.ROOT, "writing a %s synthetic slide to %s ...%n", size, file);
        out.flush();
        long start = System.nanoTime();
        SyntheticSlideWriter.write(SmearSpec.of(SmearClass.AML, seed, size.width(), size.height()), file,
                TiffWriteOptions.defaults(), WriteProgress.NONE, VersionProvider.softwareName());
        out.printf(Locale.ROOT, "written in %.0f s%n", (System.nanoTime() - start) / 1e9);
        return file;
    }
}
