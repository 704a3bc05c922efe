package org.marrowscope.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marrowscope.bench.Stage2Benchmark;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.smear.SmearRenderer;
import org.marrowscope.synth.smear.SmearSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "classify", mixinStandardHelpOptions = true,
        header = "Stage-2 throughput against DJL's bare predict on the same batches.",
        description = {"Stage-2 throughput of a classifier bundle from 512x512 tiles to probabilities, against DJL's bare",
            "predict on the same batches as tensors. Build a DenseNet121-size bundle with",
            "/usr/bin/python3 src/bench/python/make_bench_models.py target/bench-models"})
final class BenchClassifyCommand implements Callable<Integer> {

    @Option(names = "--classifier", required = true, paramLabel = "DIR", description = "Classifier bundle.")
    Path classifier;

    @Option(names = "--batches", defaultValue = "8", description = "Timed batches (default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--batch", defaultValue = "32", description = "Tiles per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SmearRenderer smear = new SmearRenderer(SmearSpec.of(SmearClass.MM, 7, 20000, 20000));
        List<List<BufferedImage>> tiles = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<BufferedImage> batch = new ArrayList<>();
            for (int i = 0; i < batchSize; i++) {
                BufferedImage tile = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
                int[] rgb = ((java.awt.image.DataBufferInt) tile.getRaster().getDataBuffer()).getData();
                smear.render(1024 + (b * batchSize + i) % 30 * 512L, 1024 + (b * batchSize + i) / 30 * 512L, 512, 512, rgb);
                batch.add(tile);
            }
            tiles.add(batch);
        }
        Stage2Benchmark.Timing t = Stage2Benchmark.run(classifier, tiles);
        out.printf(Locale.ROOT, "%d tiles in %d batches of %d%n", t.tiles(), batches, batchSize);
        out.printf(Locale.ROOT, "DJL bare predict (tensors in): %.2f s, %.1f tiles/s%n", t.bareSeconds(), t.tiles() / t.bareSeconds());
        out.printf(Locale.ROOT, "MarrowScope classifier (512x512 images in): %.2f s, %.1f tiles/s%n", t.oursSeconds(),
                t.tiles() / t.oursSeconds());
        out.printf(Locale.ROOT, "overhead: %+.1f%%%n", t.overhead() * 100);
        return ExitCodes.OK;
    }
}
