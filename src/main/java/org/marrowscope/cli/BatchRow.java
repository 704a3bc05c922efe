package org.marrowscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.service.ClassificationOutcome;

/** One slide's line in `classify --csv` / `--json`. */
record BatchRow(String slide, int exitCode, String status, String reasonCode, String diagnosis, Double voteFraction,
        Double margin, Boolean uncertain, String predictionSet90, String predictionSet95, Boolean domainChecked,
        String selectionMode, Integer rois, Double micronsPerPixel, String micronsPerPixelSource, Double seconds,
        String device, Boolean demoModels, String resultFile, String leftOutModels, String message) {

    static BatchRow of(Path slide, ClassificationOutcome o) {
        ClassificationResult r = o.result();
        boolean ok = r.classifiable();
        String message = ok ? String.join("; ", r.uncertaintyReasons()) : r.outcome().reason();
        return new BatchRow(slide.toString(), 0, r.outcome().status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                r.outcome().code(), r.diagnosis(), ok ? r.ensemble().fractions()[r.ensemble().winner()] : null,
                ok ? r.ensemble().margin() : null, ok ? r.uncertain() : null, set(r, 0.90), set(r, 0.95),
                r.domain() != null && r.domain().checked(), r.selection().mode().name(), r.rois().size(),
                r.parameters().slideMicronsPerPixel(), r.parameters().micronsPerPixelSource(),
                r.timings().totalSeconds(), r.device(), r.usesDemoModels(), o.savedTo().toString(), leftOut(r), message);
    }

    /** The bundles the run left out, "name (problem); ...", or null when it used every bundle. */
    private static String leftOut(ClassificationResult r) {
        return r.leftOutModels().isEmpty() ? null : String.join("; ", r.leftOutModels().stream()
                .map(m -> m.name() + " (" + m.problem() + ")").toList());
    }

    private static String set(ClassificationResult r, double coverage) {
        var s = r.predictionSet(coverage);
        return s == null ? null : "{" + String.join(", ", s.classes()) + "}";
    }

    static BatchRow failure(Path slide, int code, String message) {
        return new BatchRow(slide.toString(), code, "failed", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, message);
    }

    static String jsonLine(Path slide, ClassificationOutcome o, Path geojson, Path report) throws IOException {
        ObjectNode node = ResultStore.json().valueToTree(of(slide, o));
        node.put("reused", o.reused());
        if (geojson != null) {
            node.put("geojson", geojson.toString());
        }
        if (report != null) {
            node.put("report", report.toString());
        }
        return ResultStore.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    }

    static String jsonFailure(Path slide, int code, String message) {
        try {
            return ResultStore.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(failure(slide, code, message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A spreadsheet runs a cell that starts with =, +, -, @, tab or carriage return as a formula (CSV injection);
     * such text cells get a leading apostrophe, which spreadsheets show as plain text. Numbers are left alone.
     */
    static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    /** The row with every text cell made safe for spreadsheets ({@link #cell}). */
    BatchRow forSpreadsheet() {
        return new BatchRow(cell(slide), exitCode, cell(status), cell(reasonCode), cell(diagnosis), voteFraction, margin,
                uncertain, cell(predictionSet90), cell(predictionSet95), domainChecked, cell(selectionMode), rois,
                micronsPerPixel, cell(micronsPerPixelSource), seconds, cell(device), demoModels, cell(resultFile),
                cell(leftOutModels), cell(message));
    }

    static byte[] csv(List<BatchRow> rows) throws IOException {
        // CsvMapper sorts columns alphabetically by default; a summary reads best in the record's order.
        CsvMapper mapper = CsvMapper.builder().disable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
        CsvSchema schema = mapper.schemaFor(BatchRow.class).withHeader();
        List<BatchRow> safe = rows.stream().map(BatchRow::forSpreadsheet).toList();
        return mapper.writer(schema).writeValueAsString(safe).getBytes(StandardCharsets.UTF_8);
    }
}
