package org.marrowscope.cohort;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marrowscope.labels.CsvTable;
import org.marrowscope.labels.DiagnosisLabels;
import org.marrowscope.labels.LabelFileException;

/**
 * The cohort CSV: header {@code slide}, optionally {@code diagnosis} and {@code patient} (an {@code evaluate} label
 * file is a cohort file). Unlike the label file, a slide that does not exist here is no error of the file: the
 * driver may not see the executors' storage, and a missing slide is reported for that slide by the job. A duplicate
 * slide or an unknown diagnosis is an error of the file, with its line.
 */
public final class CohortFile {

    public static final String SLIDE = "slide";
    public static final String DIAGNOSIS = "diagnosis";

    private CohortFile() {
    }

    /**
     * @param base folder that relative slide paths are resolved against (null: the file's folder)
     * @param classes the models' classes, which a diagnosis must name (in any letter case)
     */
    public static List<CohortEntry> read(Path file, Path base, List<String> classes) throws LabelFileException, IOException {
        CsvTable table = CsvTable.read(file, List.of(SLIDE), Set.of(DIAGNOSIS, DiagnosisLabels.PATIENT));
        Path folder = base != null ? base.toAbsolutePath() : file.toAbsolutePath().getParent();
        List<CohortEntry> out = new ArrayList<>();
        Map<Path, Integer> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String text = row.get(SLIDE);
            if (text.isEmpty()) {
                throw new LabelFileException(file, row.line(), "the slide is empty");
            }
            Path slide;
            try {
                slide = folder.resolve(text).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new LabelFileException(file, row.line(), "\"" + text + "\" is not a valid path");
            }
            Integer first = lines.putIfAbsent(slide, row.line());
            if (first != null) {
                throw new LabelFileException(file, row.line(), "slide \"" + text + "\" is already listed on line " + first);
            }
            String diagnosis = row.get(DIAGNOSIS);
            String canonical = null;
            if (!diagnosis.isEmpty()) {
                int index = DiagnosisLabels.classIndex(classes, diagnosis);
                if (index < 0) {
                    throw new LabelFileException(file, row.line(), "unknown diagnosis \"" + diagnosis
                            + "\" (expected one of " + String.join(", ", classes) + ", or nothing for an unlabelled slide)");
                }
                canonical = classes.get(index);
            }
            String patient = row.get(DiagnosisLabels.PATIENT);
            out.add(new CohortEntry(row.line(), slide.toString(), canonical, patient.isEmpty() ? null : patient));
        }
        if (out.isEmpty()) {
            throw new LabelFileException(file, 0, "lists no slides");
        }
        return out;
    }
}
