package org.marrowscope.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage-2 labels: a CSV with the header {@code slide,diagnosis} and optionally a {@code patient} column
 * (slides of one patient then stay in one set of the split). Slide paths are absolute or relative to the CSV's
 * folder; the diagnosis is one of the model's classes in any letter case.
 */
public final class DiagnosisLabels {

    public static final List<String> HEADER = List.of("slide", "diagnosis");
    public static final String PATIENT = "patient";

    private DiagnosisLabels() {
    }

    /** Reads and checks the file against the model's class list; slide paths are relative to its folder. */
    public static List<LabelledSlide> read(Path file, List<String> classes) throws LabelFileException, IOException {
        return read(file, classes, file.toAbsolutePath().getParent());
    }

    /** Reads and checks the file; relative slide paths are resolved against {@code base}. */
    public static List<LabelledSlide> read(Path file, List<String> classes, Path base)
            throws LabelFileException, IOException {
        CsvTable table = CsvTable.read(file, HEADER, Set.of(PATIENT));
        List<LabelledSlide> out = new ArrayList<>();
        Map<Path, Integer> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String text = row.get("slide");
            if (text.isEmpty()) {
                throw new LabelFileException(file, row.line(), "the slide is empty");
            }
            Path slide;
            try {
                slide = base.resolve(text).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new LabelFileException(file, row.line(), "\"" + text + "\" is not a valid path");
            }
            if (!Files.isRegularFile(slide)) {
                throw new LabelFileException(file, row.line(), "slide \"" + text + "\" not found (looked for " + slide + ")");
            }
            Integer first = lines.putIfAbsent(slide, row.line());
            if (first != null) {
                throw new LabelFileException(file, row.line(), "slide \"" + text + "\" is already labelled on line " + first);
            }
            int index = classIndex(classes, row.get("diagnosis"));
            if (index < 0) {
                throw new LabelFileException(file, row.line(), (row.get("diagnosis").isEmpty() ? "the diagnosis is empty"
                        : "unknown diagnosis \"" + row.get("diagnosis") + "\"") + " (expected one of "
                        + String.join(", ", classes) + ")");
            }
            String patient = row.get(PATIENT);
            out.add(new LabelledSlide(slide, patient.isEmpty() ? slide.getFileName().toString() : patient, index));
        }
        return out;
    }

    /** Index of {@code diagnosis} among {@code classes}, ignoring letter case; -1 when absent. */
    public static int classIndex(List<String> classes, String diagnosis) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).equalsIgnoreCase(diagnosis.strip())) {
                return i;
            }
        }
        return -1;
    }
}
