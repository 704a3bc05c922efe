package org.marrowscope.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marrowscope.TestData;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.service.InferenceService;
import org.marrowscope.service.ModelSelection;
import org.marrowscope.synth.smear.SmearClass;
import org.marrowscope.synth.SyntheticSlideWriter;
import org.marrowscope.synth.smear.SmearSpec;
import org.marrowscope.synth.tiff.TiffWriteOptions;
import org.marrowscope.synth.tiff.WriteProgress;

/**
 * Real results to report on: a synthetic AML smear classified by the test bundles with real DJL inference
 * (thresholds at 0 so every tissue tile qualifies), and CMU-1, an H&E section that stage 1 finds not classifiable
 * at the paper's thresholds.
 */
final class ReportFixtures implements AutoCloseable {

    static final Path MODELS = Path.of("src/test/resources/models");
    static final ModelSelection TINY = new ModelSelection(MODELS.resolve("tiny-quality"),
            List.of(MODELS.resolve("tiny-cnn"), MODELS.resolve("tiny-resnet")));

    final Path folder;
    final InferenceService service;
    final Path smear;
    final ClassificationResult classified;
    final Path cmu;
    final ClassificationResult notClassifiable;

    ReportFixtures(Path folder) throws Exception {
        this.folder = folder;
        service = new InferenceService("MarrowScope test", 2);
        smear = folder.resolve("aml-21.tiff");
        SyntheticSlideWriter.write(SmearSpec.of(SmearClass.AML, 21, 6000, 4500), smear, TiffWriteOptions.defaults(),
                WriteProgress.NONE, "test");
        PipelineSettings anyTissue = PipelineSettings.PAPER.withSelection(new SelectionSettings(40, 0.0, 0.0, 1, 8, false));
        classified = service.classify(new ClassifyRequest(smear, TINY, anyTissue, folder, false, "cpu"), p -> { },
                new CancellationToken()).result();
        cmu = Files.copy(TestData.slide("CMU-1-Small-Region.svs"), folder.resolve("CMU-1-Small-Region.svs"));
        PipelineSettings paper = PipelineSettings.PAPER.withSelection(PipelineSettings.PAPER.selection().withBatchSize(8));
        notClassifiable = service.classify(new ClassifyRequest(cmu, TINY, paper, folder, false, "cpu"), p -> { },
                new CancellationToken()).result();
    }

    @Override
    public void close() {
        service.close();
    }
}
