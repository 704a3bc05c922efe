package org.marrowscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.model.TorchRuntime;
import org.marrowscope.train.DemoCohort;
import org.marrowscope.train.TinyCohort;

/** The `train` subcommands through the real command line: the review cycle, and refusals a script can rely on. */
class TrainCommandTest {

    static DemoCohort cohort;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        TorchRuntime.setThreads(1);
        cohort = TinyCohort.get();
    }

    @Test
    void theReviewCycleExportsCallsMeasuresTheDisagreementAndFineTunes() throws Exception {
        Path model = TinyCohort.template("demo-quality");
        Path exported = dir.resolve("review.csv");
        CliRunner export = CliRunner.run("train", "review-export", "--model", model.toString(), "--out",
                exported.toString(), "--sample", "12", "--seed", "3", "--device", "cpu", "--no-progress",
                cohort.members().get(5).slide().toString(), cohort.members().get(6).slide().toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("12 tiles from 2 slides");
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines).hasSize(13);
        assertThat(lines.getFirst()).isEqualTo("slide,x,y,size,label");

        // The reviewer flips three calls.
        List<String> corrected = new ArrayList<>(lines);
        for (int i = 1; i <= 3; i++) {
            String l = corrected.get(i);
            corrected.set(i, l.endsWith(",good") ? l.replace(",good", ",poor") : l.replace(",poor", ",good"));
        }
        Path reviewed = dir.resolve("reviewed.csv");
        Files.write(reviewed, corrected);
        Path previous = TinyCohort.qualityLabels(dir.resolve("previous.csv"), 2);
        Path tuned = dir.resolve("tuned");
        CliRunner imported = CliRunner.run("train", "review-import", "--exported", exported.toString(), "--corrected",
                reviewed.toString(), "--fine-tune-out", tuned.toString(), "--model", model.toString(), "--labels",
                previous.toString(), "--epochs", "1", "--batch", "8", "--device", "cpu", "--no-progress");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Review: 3 of 12 reviewed calls corrected (25.0%)").contains("Wrote " + tuned);
        ModelManifest m = ModelBundle.verify(tuned);
        assertThat(m.role()).isEqualTo(ModelManifest.Role.QUALITY);
        assertThat(m.provenance().training().startedFrom()).startsWith("demo-quality");

        // Under the threshold the loop ends and nothing is trained.
        CliRunner agreed = CliRunner.run("train", "review-import", "--exported", exported.toString(), "--corrected",
                exported.toString(), "--fine-tune-out", dir.resolve("not-written").toString(), "--model", model.toString());
        assertThat(agreed.exitCode()).isZero();
        assertThat(agreed.out()).contains("0 of 12 reviewed calls corrected (0.0%)").contains("the loop ends");
        assertThat(dir.resolve("not-written")).doesNotExist();
    }

    @Test
    void trainClassifierWritesTheBundleItsOptionsDescribe() throws Exception {
        Path out = dir.resolve("named");
        CliRunner named = CliRunner.run("train", "classifier", "--labels", cohort.labels().toString(), "--start-from",
                TinyCohort.template("demo-densenet").toString(), "--random-tiles", "--rois", "4", "--out", out.toString(),
                "--name", "lab-densenet", "--model-version", "2.1.0", "--demo", "--training-data", "tiny synthetic set",
                "--head-epochs", "0", "--epochs", "1", "--batch", "8", "--device", "cpu", "--torch-threads", "1",
                "--no-progress");
        assertThat(named.exitCode()).as(named.err()).isZero();
        ModelManifest m = ModelBundle.verify(out);
        assertThat(m.name()).isEqualTo("lab-densenet");
        assertThat(m.version()).isEqualTo("2.1.0");
        assertThat(m.demo()).isTrue();
        assertThat(m.provenance().trainingData()).isEqualTo("tiny synthetic set");
        assertThat(m.intendedUse()).isEqualTo(TrainClassifierCommand.INTENDED_USE);

        Path plain = dir.resolve("plain-folder");
        CliRunner defaults = CliRunner.run("train", "classifier", "--labels", cohort.labels().toString(), "--start-from",
                out.toString(), "--random-tiles", "--rois", "4", "--out", plain.toString(), "--intended-use",
                "Research use only.", "--head-epochs", "0", "--epochs", "1", "--batch", "8", "--device", "cpu",
                "--no-progress");
        assertThat(defaults.exitCode()).as(defaults.err()).isZero();
        ModelManifest d = ModelBundle.verify(plain);
        assertThat(d.name()).isEqualTo("plain-folder");
        assertThat(d.version()).isEqualTo("1.0.0");
        assertThat(d.demo()).isFalse();
        assertThat(d.intendedUse()).isEqualTo("Research use only.");
        assertThat(d.provenance().training().startedFrom()).startsWith("lab-densenet 2.1.0");
    }

    @Test
    void aCorrectedFileWithATileThatWasNotExportedIsRefused() throws Exception {
        Path exported = dir.resolve("e.csv");
        Path slide = cohort.members().getFirst().slide();
        Files.writeString(exported, "slide,x,y,size,label\n" + slide + ",0,0,512,good\n");
        Path corrected = dir.resolve("c.csv");
        Files.writeString(corrected, "slide,x,y,size,label\n" + slide + ",0,0,512,poor\n" + slide + ",256,0,512,good\n");
        CliRunner r = CliRunner.run("train", "review-import", "--exported", exported.toString(), "--corrected",
                corrected.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.LABELS_INVALID);
        assertThat(r.err()).contains("c.csv, line 3: tile").contains("was not in the exported sample e.csv");
    }

    @Test
    void badTrainingInputsGetTheirOwnExitCodes() throws Exception {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "slide,diagnosis\n" + cohort.members().getFirst().slide() + ",ALL\n"
                + cohort.members().get(1).slide() + ",AML\n" + cohort.members().get(2).slide() + ",CLL\n");
        CliRunner bad = CliRunner.run("train", "classifier", "--labels", labels.toString(), "--start-from",
                TinyCohort.template("demo-resnet").toString(), "--random-tiles", "--out", dir.resolve("m").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.LABELS_INVALID);
        assertThat(bad.err()).contains("labels.csv, line 4: unknown diagnosis \"CLL\"");

        CliRunner noQuality = CliRunner.run("train", "classifier", "--labels", labels.toString(), "--start-from",
                TinyCohort.template("demo-resnet").toString(), "--out", dir.resolve("m").toString());
        assertThat(noQuality.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noQuality.err()).contains("--quality-model is required");

        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("model.json"), "{ not json");
        CliRunner badBundle = CliRunner.run("train", "quality", "--labels", labels.toString(), "--start-from",
                broken.toString(), "--out", dir.resolve("q").toString());
        assertThat(badBundle.exitCode()).isEqualTo(ExitCodes.MODEL_INVALID);
        assertThat(badBundle.err()).contains("model.json");
    }
}
