package org.marrowscope.labels;

import java.nio.file.Path;

/**
 * A label file (or label folder) that cannot be used, with the place and the problem, e.g.
 * {@code labels.csv, line 7: unknown diagnosis "AMl?" (expected one of ALL, AML, CML, Lymphoma, MM)}.
 */
public final class LabelFileException extends Exception {

    private final transient Path file;
    private final int line;

    /**
     * @param file the label file or folder
     * @param line 1-based line of the problem, 0 when the problem is not on one line
     * @param problem what is wrong, phrased for the person who wrote the file
     */
    public LabelFileException(Path file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, 0 when not about one line. */
    public int line() {
        return line;
    }
}
