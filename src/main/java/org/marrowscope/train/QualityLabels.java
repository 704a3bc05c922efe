package org.marrowscope.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.labels.CsvTable;
import org.marrowscope.labels.LabelFileException;
import org.marrowscope.train.TileSource.ImageTile;
import org.marrowscope.train.TileSource.SlideTile;

/**
 * Stage-1 labels, in either of two forms.
 *
 * <ul>
 *   <li>A CSV file with the header {@code slide,x,y,size,label}, the format the viewer's tile-review mode
 *       writes: the slide path (absolute, or relative to the CSV's folder), the level-0 top-left corner and
 *       footprint of the tile, and {@code good} or {@code poor}.
 *   <li>A folder with {@code good/} and {@code poor/} subfolders of picture files (PNG, JPEG, TIFF, BMP), one
 *       tile per picture.
 * </ul>
 *
 * Bad files are refused with the file, the line and the problem, never skipped silently.
 */
public final class QualityLabels {

    /** The header the viewer writes and this reader requires. */
    public static final List<String> HEADER = List.of("slide", "x", "y", "size", "label");
    public static final String GOOD = "good";
    public static final String POOR = "poor";

    private static final Set<String> PICTURES = Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

    private QualityLabels() {
    }

    /** Reads a labels CSV or a {@code good/}+{@code poor/} folder. */
    public static List<QualitySample> read(Path csvOrFolder) throws LabelFileException, IOException {
        return Files.isDirectory(csvOrFolder) ? readFolder(csvOrFolder) : readCsv(csvOrFolder);
    }

    /** Reads several label sources and checks that no tile is labelled twice across them. */
    public static List<QualitySample> readAll(List<Path> sources) throws LabelFileException, IOException {
        List<QualitySample> all = new ArrayList<>();
        Map<TileSource, Path> seen = new HashMap<>();
        for (Path source : sources) {
            for (QualitySample s : read(source)) {
                Path earlier = seen.putIfAbsent(s.source(), source);
                if (earlier != null) {
                    throw new LabelFileException(source, 0, "tile " + s.source().describe() + " is also labelled in "
                            + earlier + "; give each tile one label (merge the corrected labels instead)");
                }
                all.add(s);
            }
        }
        return all;
    }

    static List<QualitySample> readCsv(Path file) throws LabelFileException, IOException {
        return readCsvLines(file).stream().map(Lined::sample).toList();
    }

    /** A labelled tile with the line it came from. */
    record Lined(QualitySample sample, int line) {
    }

    static List<Lined> readCsvLines(Path file) throws LabelFileException, IOException {
        CsvTable table = CsvTable.read(file, HEADER, Set.of());
        Path base = file.toAbsolutePath().getParent();
        List<Lined> out = new ArrayList<>();
        Map<SlideTile, Integer> lines = new HashMap<>();
        Map<String, Path> checkedSlides = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Path slide = slidePath(file, row, base, checkedSlides);
            long x = number(file, row, "x", 0);
            long y = number(file, row, "y", 0);
            long size = number(file, row, "size", 1);
            boolean good = label(file, row);
            SlideTile tile = new SlideTile(slide, x, y, size);
            Integer first = lines.putIfAbsent(tile, row.line());
            if (first != null) {
                throw new LabelFileException(file, row.line(), "tile " + tile.describe() + " is already labelled on line "
                        + first);
            }
            out.add(new Lined(new QualitySample(tile, good), row.line()));
        }
        return out;
    }

    private static Path slidePath(Path file, CsvTable.Row row, Path base, Map<String, Path> checked)
            throws LabelFileException {
        String text = row.get("slide");
        if (text.isEmpty()) {
            throw new LabelFileException(file, row.line(), "the slide is empty");
        }
        Path cached = checked.get(text);
        if (cached != null) {
            return cached;
        }
        Path slide;
        try {
            slide = base.resolve(text).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new LabelFileException(file, row.line(), "\"" + text + "\" is not a valid path");
        }
        if (!Files.isRegularFile(slide)) {
            throw new LabelFileException(file, row.line(), "slide \"" + text + "\" not found (looked for " + slide + ")");
        }
        checked.put(text, slide);
        return slide;
    }

    private static long number(Path file, CsvTable.Row row, String column, long min) throws LabelFileException {
        String text = row.get(column);
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new LabelFileException(file, row.line(), column + " \"" + text + "\" is not a whole number of pixels");
        }
        if (v < min) {
            throw new LabelFileException(file, row.line(), column + " " + v + " must be at least " + min);
        }
        return v;
    }

    private static boolean label(Path file, CsvTable.Row row) throws LabelFileException {
        String text = row.get("label").toLowerCase(Locale.ROOT);
        return switch (text) {
            case GOOD -> true;
            case POOR -> false;
            default -> throw new LabelFileException(file, row.line(), "label \"" + row.get("label")
                    + "\" is neither good nor poor");
        };
    }

    static List<QualitySample> readFolder(Path folder) throws LabelFileException, IOException {
        List<QualitySample> out = new ArrayList<>();
        for (String label : List.of(GOOD, POOR)) {
            Path sub = folder.resolve(label);
            if (!Files.isDirectory(sub)) {
                throw new LabelFileException(folder, 0, "a label folder needs good/ and poor/ subfolders; " + label
                        + "/ is missing");
            }
            try (Stream<Path> files = Files.list(sub)) {
                List<Path> pictures = files.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
                for (Path p : pictures) {
                    if (!PICTURES.contains(extension(p))) {
                        throw new LabelFileException(p, 0, "not a picture file (expected " + String.join(", ",
                                PICTURES.stream().sorted().toList()) + ")");
                    }
                    out.add(new QualitySample(new ImageTile(p.toAbsolutePath().normalize()), label.equals(GOOD)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new LabelFileException(folder, 0, "good/ and poor/ hold no pictures");
        }
        return out;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Writes slide tiles as a labels CSV in the viewer's format, atomically; slide paths are written relative to
     * the CSV's folder when they lie below it, else absolute.
     */
    public static void write(Path csv, List<QualitySample> samples) throws IOException {
        Path base = csv.toAbsolutePath().getParent();
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (QualitySample s : samples) {
            if (!(s.source() instanceof SlideTile t)) {
                throw new IllegalArgumentException("only slide tiles can be written to a labels CSV, not " + s.source());
            }
            Path slide = t.slide().startsWith(base) ? base.relativize(t.slide()) : t.slide();
            sb.append(CsvTable.quote(slide.toString())).append(',').append(t.x()).append(',').append(t.y()).append(',')
                    .append(t.size()).append(',').append(s.label()).append('\n');
        }
        AtomicFiles.write(csv, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
