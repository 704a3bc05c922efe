package org.marrowscope.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marrowscope.io.AtomicFiles;

/**
 * The expert's tile labels as the {@code train} command reads them: a CSV with the header
 * {@code slide,x,y,size,label}; slide is the slide's absolute path, x and y the tile's level-0 top-left, size
 * its level-0 footprint, label {@code good} or {@code poor}.
 */
final class ReviewLabels {

    static final String HEADER = "slide,x,y,size,label";

    enum Label {
        GOOD("good"), POOR("poor");

        final String text;

        Label(String text) {
            this.text = text;
        }

        static Label parse(String s) {
            for (Label l : values()) {
                if (l.text.equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return l;
                }
            }
            throw new IllegalArgumentException("label '" + s + "' is neither good nor poor");
        }
    }

    /** One labelled tile. */
    record Entry(long x, long y, long size, Label label) {
        String key() {
            return x + "," + y + "," + size;
        }
    }

    private ReviewLabels() {
    }

    /** Where a slide's labels go by default: the user's data folder, one file per slide. */
    static Path defaultFile(AppPaths paths, Path slide) {
        return paths.reviewFolder().resolve(slide.getFileName().toString() + ".quality-labels.csv");
    }

    static String csv(Path slide, List<Entry> entries) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        String name = quote(slide.toAbsolutePath().normalize().toString());
        for (Entry e : entries) {
            out.append(name).append(',').append(e.x()).append(',').append(e.y()).append(',').append(e.size()).append(',')
                    .append(e.label().text).append('\n');
        }
        return out.toString();
    }

    /** Writes the labels atomically: the file holds the old labels or all the new ones. */
    static void save(Path file, Path slide, List<Entry> entries) throws IOException {
        AtomicFiles.write(file, csv(slide, entries).getBytes(StandardCharsets.UTF_8));
    }

    /** Labels saved earlier for this slide, by tile ("x,y,size"), so a review can be resumed. */
    static Map<String, Label> read(Path file, Path slide) throws IOException {
        Map<String, Label> labels = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return labels;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.getFirst().trim().equals(HEADER)) {
            throw new IOException(file + " is not a tile label file (its first line must be " + HEADER + ")");
        }
        String wanted = slide.toAbsolutePath().normalize().toString();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            int labelAt = line.lastIndexOf(',');
            int sizeAt = line.lastIndexOf(',', labelAt - 1);
            int yAt = line.lastIndexOf(',', sizeAt - 1);
            int xAt = line.lastIndexOf(',', yAt - 1);
            if (xAt < 0) {
                throw new IOException(file + ": malformed line: " + line);
            }
            if (unquote(line.substring(0, xAt)).equals(wanted)) {
                labels.put(line.substring(xAt + 1, labelAt), Label.parse(line.substring(labelAt + 1)));
            }
        }
        return labels;
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }
}
