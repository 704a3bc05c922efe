package org.marrowscope.pipeline;

import org.marrowscope.pipeline.result.Uncertainty;
import org.marrowscope.pipeline.result.Voting;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.calibration.ConformalCalibration.PredictionSet;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.DomainSummary;
import org.marrowscope.pipeline.result.Outcome;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.pipeline.result.ModelVote;
import org.marrowscope.pipeline.result.RoiResult;
import org.marrowscope.pipeline.result.RunParameters;
import org.marrowscope.pipeline.result.SelectionMode;
import org.marrowscope.pipeline.result.SelectionSummary;
import org.marrowscope.pipeline.result.SlideIdentity;
import org.marrowscope.pipeline.result.Timings;
import org.marrowscope.pipeline.result.Vote;

/** Hand-made results with known contents, for the code that reads results (maps, export, storage). */
public final class SampleResults {

    public static final List<String> CLASSES = List.of("ALL", "AML", "CML", "Lymphoma", "MM");

    private SampleResults() {
    }

    public static ModelInfo model(String name, String role) {
        return new ModelInfo(name, "1.0", role, "ab".repeat(32), true, role.equals("quality") ? List.of("poor", "good") : CLASSES,
                0.25, 512);
    }

    public static RunParameters parameters(long seed) {
        return new RunParameters(512, 256, 0.25, "tiff.XResolution/tiff.ResolutionUnit", 0.25, 200, 0.8, 0.5, seed, 235, 20,
                "none", java.util.List.of(), 0.1, false);
    }

    /** ROIs on a line from left to right; each ROI is {@code label} except every 4th, which is MM. */
    public static ClassificationResult result(int rois, String label, long slideWidth, long slideHeight) {
        List<RoiResult> list = new ArrayList<>();
        List<float[][]> perModel = List.<float[][]>of(new float[rois][]);
        int main = CLASSES.indexOf(label);
        for (int i = 0; i < rois; i++) {
            float[] p = new float[5];
            int c = i % 4 == 3 ? 4 : main;
            p[c] = 0.7f;
            p[(c + 1) % 5] = 0.3f;
            perModel.get(0)[i] = p;
            long x = (long) ((slideWidth - 512) * (i + 0.5) / rois);
            list.add(new RoiResult(i, x, slideHeight / 2 - 256, 512, 0.9f, List.of(p), List.of(CLASSES.get(c)), CLASSES.get(c),
                    new double[] {1.0}));
        }
        Vote vote = Voting.vote(CLASSES, perModel.get(0));
        ModelInfo classifier = model("demo-cnn", "classifier");
        return new ClassificationResult(ClassificationResult.FORMAT_VERSION, "MarrowScope test", "2026-11-27T12:00:00Z",
                new SlideIdentity("/slides/a.tiff", "a.tiff", 1234, "generic-tiff", slideWidth, slideHeight, "cd".repeat(32), "ab".repeat(32)),
                parameters(1), new Outcome(Outcome.Status.CLASSIFIED, Outcome.CLASSIFIED, "Classified from " + rois
                        + " ROIs with p(good) >= 0.8; every model's domain check passed."),
                model("demo-quality", "quality"), List.of(classifier), "cpu",
                new Timings(0.1, 0.2, 3, 2, 5.3, 100, 100),
                new SelectionSummary(SelectionMode.HIGH_QUALITY, 1000, 100, 900, 400, 50, 200, 300, false),
                list, List.of(new ModelVote(classifier, vote)), vote,
                new DomainSummary(true, List.of(new DomainSummary.ModelDomain("demo-cnn", "classifier", rois, 0, 0.1, 1.0,
                        3.0)), false),
                List.of(new PredictionSet(0.90, List.of(vote.label()), 0.3, 50),
                        new PredictionSet(0.95, List.of(vote.label()), 0.4, 50)), null, List.of(), List.of());
    }
}
