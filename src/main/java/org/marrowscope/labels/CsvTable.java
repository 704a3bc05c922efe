package org.marrowscope.labels;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small CSV file with a header row, read with Jackson's CSV parser (quotes, embedded commas, a UTF-8 byte
 * order mark from spreadsheet exports). Every row keeps its line number so that problems can be reported
 * where the person who wrote the file will look.
 *
 * @param file the file read
 * @param rows the data rows, blank lines skipped
 */
public record CsvTable(Path file, List<Row> rows) {

    /** One data row: its 1-based line in the file and its values by (lower-case) column name. */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private static final CsvMapper MAPPER = new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    /**
     * Reads {@code file}, whose header must name every column of {@code required} and nothing outside
     * {@code required} and {@code optional} (a misspelt column is refused, not ignored).
     */
    public static CsvTable read(Path file, List<String> required, Set<String> optional) throws LabelFileException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new LabelFileException(file, 0, "file not found");
        }
        List<String[]> raw = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(withoutBom(in))) {
            while (true) {
                int line;
                String[] values;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    line = it.getParser().currentLocation().getLineNr();
                    values = it.nextValue();
                } catch (IOException | RuntimeException e) {
                    throw new LabelFileException(file, it.getParser().currentLocation().getLineNr(),
                            "not valid CSV: " + firstLine(e.getMessage()));
                }
                raw.add(values);
                lines.add(line);
            }
        }
        if (raw.isEmpty()) {
            throw new LabelFileException(file, 0, "the file is empty; the first line must be the header "
                    + String.join(",", required));
        }
        String[] header = raw.getFirst();
        List<String> columns = new ArrayList<>();
        for (String h : header) {
            String name = h.strip().toLowerCase(Locale.ROOT);
            if (!required.contains(name) && !optional.contains(name)) {
                throw new LabelFileException(file, lines.getFirst(), "unknown column \"" + h + "\" in the header"
                        + " (expected " + String.join(",", required) + (optional.isEmpty() ? "" : ", optionally "
                        + String.join(",", optional)) + ")");
            }
            if (columns.contains(name)) {
                throw new LabelFileException(file, lines.getFirst(), "column \"" + h + "\" appears twice in the header");
            }
            columns.add(name);
        }
        for (String r : required) {
            if (!columns.contains(r)) {
                throw new LabelFileException(file, lines.getFirst(), "the header has no \"" + r + "\" column"
                        + " (expected " + String.join(",", required) + ", found " + String.join(",", header) + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < raw.size(); i++) {
            String[] values = raw.get(i);
            if (values.length == 1 && values[0].isBlank()) {
                continue;
            }
            if (values.length != columns.size()) {
                throw new LabelFileException(file, lines.get(i), "expected " + columns.size() + " values ("
                        + String.join(",", columns) + "), found " + values.length);
            }
            Map<String, String> map = new HashMap<>();
            for (int c = 0; c < values.length; c++) {
                map.put(columns.get(c), values[c].strip());
            }
            rows.add(new Row(lines.get(i), map));
        }
        if (rows.isEmpty()) {
            throw new LabelFileException(file, 0, "the file has a header but no labelled rows");
        }
        return new CsvTable(file, List.copyOf(rows));
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        java.io.PushbackInputStream p = new java.io.PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = p.readNBytes(head, 0, 3);
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) {
            p.unread(head, 0, n);
        }
        return p;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Quotes a value for CSV output when it needs quoting. */
    public static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip())) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
