package org.marrowscope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marrowscope.labels.LabelledSlide;

class PatientSplitTest {

    static final double[] PAPER = {0.6, 0.2, 0.2};

    private static List<LabelledSlide> cohort(int perClass, int slidesPerPatient) {
        List<LabelledSlide> out = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            for (int p = 0; p < perClass; p++) {
                for (int s = 0; s < slidesPerPatient; s++) {
                    out.add(new LabelledSlide(Path.of("/slides/c" + c + "-p" + p + "-s" + s + ".tiff"), "c" + c + "-p" + p, c));
                }
            }
        }
        return out;
    }

    @Test
    void everySlideIsInExactlyOneSetAndPatientsStayTogether() {
        List<LabelledSlide> slides = cohort(10, 2);
        PatientSplit split = PatientSplit.of(slides, PAPER, 7);
        List<LabelledSlide> all = new ArrayList<>(split.train());
        all.addAll(split.validation());
        all.addAll(split.test());
        assertThat(all).hasSize(slides.size()).containsExactlyInAnyOrderElementsOf(slides);
        Set<String> train = patients(split.train());
        Set<String> validation = patients(split.validation());
        Set<String> test = patients(split.test());
        assertThat(train).doesNotContainAnyElementsOf(validation).doesNotContainAnyElementsOf(test);
        assertThat(validation).doesNotContainAnyElementsOf(test);
        // 6:2:2 of 10 patients in every class, two slides each.
        assertThat(split.train()).hasSize(5 * 6 * 2);
        assertThat(split.validation()).hasSize(5 * 2 * 2);
        assertThat(split.test()).hasSize(5 * 2 * 2);
        for (int c = 0; c < 5; c++) {
            int cls = c;
            assertThat(split.test().stream().filter(s -> s.classIndex() == cls)).hasSize(4);
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        List<LabelledSlide> slides = cohort(10, 1);
        assertThat(PatientSplit.of(slides, PAPER, 7)).isEqualTo(PatientSplit.of(slides, PAPER, 7));
        assertThat(PatientSplit.of(slides, PAPER, 7).test()).isNotEqualTo(PatientSplit.of(slides, PAPER, 8).test());
        // The input order does not matter, only the seed.
        List<LabelledSlide> reversed = new ArrayList<>(slides);
        java.util.Collections.reverse(reversed);
        assertThat(new HashSet<>(PatientSplit.of(reversed, PAPER, 7).test()))
                .isEqualTo(new HashSet<>(PatientSplit.of(slides, PAPER, 7).test()));
    }

    @Test
    void smallClassesStillGetOnePatientInEachSet() {
        assertThat(PatientSplit.counts(10, PAPER)).containsExactly(6, 2, 2);
        assertThat(PatientSplit.counts(5, PAPER)).containsExactly(3, 1, 1);
        assertThat(PatientSplit.counts(3, PAPER)).containsExactly(1, 1, 1);
        assertThat(PatientSplit.counts(2, PAPER)).containsExactly(2, 0, 0);
        assertThat(PatientSplit.counts(7, new double[] {0.8, 0.2, 0})).containsExactly(6, 1, 0);
    }

    @Test
    void aPatientWithTwoDiagnosesIsRefused() {
        List<LabelledSlide> slides = List.of(new LabelledSlide(Path.of("/a.tiff"), "P1", 0),
                new LabelledSlide(Path.of("/b.tiff"), "P1", 2));
        assertThatThrownBy(() -> PatientSplit.of(slides, PAPER, 1)).hasMessageContaining("patient P1 has slides with different diagnoses");
    }

    private static Set<String> patients(List<LabelledSlide> slides) {
        Set<String> out = new HashSet<>();
        slides.forEach(s -> out.add(s.patient()));
        return out;
    }
}
