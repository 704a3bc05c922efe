package org.marrowscope.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelManifest;

/**
 * The bundles committed in models/ must be the ones `marrowscope train demo` makes from {@link DemoPlan#DEFAULT}:
 * a change to the plan that is not followed by retraining (or models retrained from another plan) fails here,
 * before the README's reproduction command silently stops reproducing them.
 */
class CommittedDemoModelsTest {

    private static final Path MODELS = Path.of("models").toAbsolutePath();
    private static final DemoPlan PLAN = DemoPlan.DEFAULT;

    @Test
    void everyDemoBundleIsThePlansVersionAndSaysItIsADemonstration() throws Exception {
        List<String> names = new ArrayList<>(DemoTraining.CLASSIFIERS);
        names.add(DemoTraining.QUALITY);
        names.add("ablation/" + DemoTraining.ABLATION_NAME);
        for (String name : names) {
            ModelManifest m = ModelBundle.verify(MODELS.resolve(name));
            assertThat(m.version()).as(name).isEqualTo(DemoTraining.VERSION);
            assertThat(m.demo()).as(name).isTrue();
            assertThat(m.intendedUse()).as(name).isEqualTo(DemoTraining.INTENDED_USE);
            assertThat(m.provenance().trainedBy()).as(name).isEqualTo("marrowscope train");
        }
    }

    @Test
    void theClassifiersWereTrainedOnThePlansCohortSplitAndSchedule() throws Exception {
        int slides = PLAN.trainPerClass() * 5;
        String seeds = "seeds " + PLAN.trainFirstSeed() + "-" + (PLAN.trainFirstSeed() + slides - 1);
        List<String> names = new ArrayList<>(DemoTraining.CLASSIFIERS);
        names.add("ablation/" + DemoTraining.ABLATION_NAME);
        for (String name : names) {
            ModelManifest m = ModelBundle.verify(MODELS.resolve(name));
            ModelManifest.Provenance p = m.provenance();
            assertThat(p.trainingData()).as(name).contains(slides + " slides").contains(seeds);
            assertThat(p.split().seed()).as(name).isEqualTo(PLAN.splitSeed());
            assertThat(p.split().train() + p.split().validation() + p.split().test()).as(name).isEqualTo(slides);
            assertThat(p.seed()).as(name).isEqualTo(PLAN.classifier().seed());
            assertThat(p.training().epochs()).as(name).isEqualTo(PLAN.classifier().epochs());
            assertThat(p.training().headEpochs()).as(name).isEqualTo(PLAN.classifier().headEpochs());
            assertThat(p.training().augmentation()).as(name).contains(PLAN.classifierAugmentation().describe());
            String template = name.startsWith("ablation/") ? DemoTraining.ABLATION : name;
            assertThat(p.training().startedFrom()).as(name).startsWith(template + " 0.0.0");
            assertThat(MODELS.resolve("templates").resolve(template).resolve("model.json")).as(name).isRegularFile();
        }
    }

    @Test
    void theCommittedEvaluationIsOnThePlansUnseenTestCohortWithTheseBundles() throws Exception {
        String summary = Files.readString(MODELS.resolve("evaluation/summary.md"));
        long last = PLAN.testFirstSeed() + PLAN.testPerClass() * 5L - 1;
        assertThat(summary).contains("seeds " + PLAN.testFirstSeed() + "-" + last);
        // Knowing when not to answer may refuse a few in-domain slides, never more than 5%.
        java.util.regex.Matcher classified = java.util.regex.Pattern.compile("(\\d+) of " + PLAN.testPerClass() * 5
                + " slides classified").matcher(summary);
        assertThat(classified.find()).isTrue();
        assertThat(Integer.parseInt(classified.group(1))).isGreaterThanOrEqualTo(PLAN.testPerClass() * 5 * 95 / 100);
        for (String name : DemoTraining.CLASSIFIERS) {
            assertThat(summary).contains("classifier `" + name + " " + DemoTraining.VERSION + "`");
        }
        // The conformal sets cover the true class within 3 points of their targets on the classified slides, and
        // the whole cohort's figure (a refusal counts as not covered) is stated beside it.
        com.fasterxml.jackson.databind.JsonNode sets = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(MODELS.resolve("evaluation/evaluation.json").toFile()).at("/cohort/trust/predictionSets");
        for (double target : org.marrowscope.calibration.ConformalCalibration.COVERAGES) {
            com.fasterxml.jackson.databind.JsonNode m = sets.get(String.format(java.util.Locale.ROOT, "%.2f", target));
            assertThat(m.get("coverage").asDouble()).as("coverage of the %.2f sets", target)
                    .isBetween(target - 0.03, target + 0.03);
            assertThat(m.get("coverageOfCohort").asDouble()).isLessThanOrEqualTo(m.get("coverage").asDouble());
        }
        // The calibration cohort's seeds never overlap the training or the test cohort's.
        assertThat(PLAN.calibrationFirstSeed()).isGreaterThan(PLAN.trainFirstSeed() + PLAN.trainPerClass() * 5L - 1);
        assertThat(PLAN.calibrationFirstSeed() + PLAN.calibrationPerClass() * 5L - 1).isLessThan(PLAN.testFirstSeed());
        // The test cohort's seeds never overlap the training cohort's.
        assertThat(PLAN.testFirstSeed()).isGreaterThan(PLAN.trainFirstSeed() + PLAN.trainPerClass() * 5L - 1);
    }
}
