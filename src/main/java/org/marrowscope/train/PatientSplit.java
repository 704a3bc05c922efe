package org.marrowscope.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.marrowscope.labels.LabelledSlide;

/**
 * The paper's per-subject split (6:2:2 by default): every patient's slides go to exactly one of the training,
 * validation and test sets, so no tile of a patient can leak from training into evaluation. Patients are
 * shuffled with a seed and divided class by class (stratified by the patient's diagnosis), so each set holds
 * every class in about the same proportion.
 *
 * @param train slides to train on
 * @param validation slides that choose the checkpoint
 * @param test slides held out
 */
public record PatientSplit(List<LabelledSlide> train, List<LabelledSlide> validation, List<LabelledSlide> test) {

    /** How {@link #of} divides the slides, for provenance. */
    public static final String METHOD = "per patient, stratified by class, seeded shuffle";

    public PatientSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /**
     * Divides the slides.
     *
     * @param fractions train, validation and test fractions, each >= 0, summing to 1 (e.g. 0.6, 0.2, 0.2)
     * @throws IllegalArgumentException for bad fractions, or a patient whose slides carry different diagnoses
     */
    public static PatientSplit of(List<LabelledSlide> slides, double[] fractions, long seed) {
        if (fractions.length != 3 || fractions[0] < 0 || fractions[1] < 0 || fractions[2] < 0
                || Math.abs(fractions[0] + fractions[1] + fractions[2] - 1) > 1e-9) {
            throw new IllegalArgumentException("split fractions must be three non-negative numbers summing to 1");
        }
        // patient -> slides, in first-seen order; then patients per class, in a stable (sorted) order.
        Map<String, List<LabelledSlide>> byPatient = new LinkedHashMap<>();
        for (LabelledSlide s : slides) {
            byPatient.computeIfAbsent(s.patient(), k -> new ArrayList<>()).add(s);
        }
        Map<Integer, List<String>> patientsByClass = new TreeMap<>();
        for (Map.Entry<String, List<LabelledSlide>> e : byPatient.entrySet()) {
            int c = e.getValue().getFirst().classIndex();
            for (LabelledSlide s : e.getValue()) {
                if (s.classIndex() != c) {
                    throw new IllegalArgumentException("patient " + e.getKey() + " has slides with different diagnoses ("
                            + e.getValue().getFirst().slide().getFileName() + ", " + s.slide().getFileName() + ")");
                }
            }
            patientsByClass.computeIfAbsent(c, k -> new ArrayList<>()).add(e.getKey());
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledSlide> train = new ArrayList<>();
        List<LabelledSlide> validation = new ArrayList<>();
        List<LabelledSlide> test = new ArrayList<>();
        for (List<String> patients : patientsByClass.values()) {
            List<String> order = new ArrayList<>(patients);
            order.sort(Comparator.naturalOrder());
            Collections.shuffle(order, random);
            int[] counts = counts(order.size(), fractions);
            for (int i = 0; i < order.size(); i++) {
                List<LabelledSlide> target = i < counts[0] ? train : i < counts[0] + counts[1] ? validation : test;
                target.addAll(byPatient.get(order.get(i)));
            }
        }
        return new PatientSplit(train, validation, test);
    }

    /**
     * Patients per set for one class: rounded shares, but a set with a positive fraction gets at least one
     * patient whenever there are enough patients to give every such set one, and training gets the remainder.
     */
    static int[] counts(int n, double[] fractions) {
        int[] c = new int[3];
        c[1] = (int) Math.round(n * fractions[1]);
        c[2] = (int) Math.round(n * fractions[2]);
        int wanted = (fractions[0] > 0 ? 1 : 0) + (fractions[1] > 0 ? 1 : 0) + (fractions[2] > 0 ? 1 : 0);
        if (n >= wanted) {
            if (fractions[1] > 0 && c[1] == 0) {
                c[1] = 1;
            }
            if (fractions[2] > 0 && c[2] == 0) {
                c[2] = 1;
            }
        }
        while (c[1] + c[2] > n - (fractions[0] > 0 && n >= wanted ? 1 : 0)) {
            if (c[2] >= c[1] && c[2] > 0) {
                c[2]--;
            } else {
                c[1]--;
            }
        }
        c[0] = n - c[1] - c[2];
        return c;
    }
}
