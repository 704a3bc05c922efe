package org.marrowscope.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.marrowscope.model.ModelBundleException.Kind;
import org.marrowscope.model.ModelManifest.FileEntry;
import org.marrowscope.model.ModelManifest.Input;
import org.marrowscope.model.ModelManifest.Purpose;
import org.marrowscope.model.ModelManifest.Role;

/** Reads {@code model.json}, checks every rule of {@link ModelManifest} and the files' SHA-256; no natives. */
final class ManifestReader {

    static final String MANIFEST = "model.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ManifestReader() {}

    /** Reads and validates the manifest of {@code dir} and verifies every listed file. */
    static ModelManifest read(Path dir) throws ModelBundleException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isDirectory(dir)) {
            throw new ModelBundleException(Kind.MISSING_MANIFEST, dir, null, "no such folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelBundleException(Kind.MISSING_MANIFEST, dir, MANIFEST, "file not found");
        }
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelBundleException(Kind.MISSING_MANIFEST, dir, MANIFEST, "cannot read: " + e, e);
        }
        ModelManifest manifest = parse(dir, json);
        validate(dir, manifest);
        for (FileEntry entry : manifest.files()) {
            verifyFile(dir, entry);
        }
        return manifest;
    }

    private static ModelManifest parse(Path dir, byte[] json) throws ModelBundleException {
        // The version is checked on the bare tree first: a newer format may not bind to these records at all.
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new ModelBundleException(Kind.BAD_JSON, dir, MANIFEST, describe(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ModelBundleException(Kind.BAD_JSON, dir, MANIFEST, "the top level is not a JSON object");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || version.isNull()) {
            throw missing(dir, "formatVersion");
        }
        if (!version.isIntegralNumber() || version.asInt() != ModelManifest.FORMAT_VERSION) {
            throw new ModelBundleException(Kind.UNSUPPORTED_VERSION, dir, MANIFEST,
                    "formatVersion " + version + " is not supported (this MarrowScope reads "
                            + ModelManifest.FORMAT_VERSION + ")");
        }
        try {
            return MAPPER.readValue(json, ModelManifest.class);
        } catch (JsonParseException e) {
            throw new ModelBundleException(Kind.BAD_JSON, dir, MANIFEST, describe(e), e);
        } catch (IOException e) {
            throw new ModelBundleException(Kind.INVALID_FIELD, dir, MANIFEST, describe(e), e);
        }
    }

    private static String describe(IOException e) {
        if (!(e instanceof JsonProcessingException jpe)) {
            return e.toString();
        }
        JsonLocation at = jpe.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        if (e instanceof UnrecognizedPropertyException u) {
            return where + "unknown field \"" + u.getPropertyName() + "\"" + field(u);
        }
        String field = e instanceof JsonMappingException m ? field(m) : "";
        return where + jpe.getOriginalMessage().lines().findFirst().orElse("") + field;
    }

    private static String field(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "" : " (field " + path + ")";
    }

    private static void validate(Path dir, ModelManifest m) throws ModelBundleException {
        requireText(dir, "name", m.name());
        requireText(dir, "version", m.version());
        require(dir, "role", m.role());
        require(dir, "demo", m.demo());
        validateClasses(dir, m);
        validateInput(dir, m.input());
        validateFiles(dir, m);
        validateGradCam(dir, m);
        validateProvenance(dir, m.provenance());
        requireText(dir, "intendedUse", m.intendedUse());
    }

    private static void validateClasses(Path dir, ModelManifest m) throws ModelBundleException {
        require(dir, "classes", m.classes());
        if (m.classes().isEmpty()) {
            throw invalid(dir, "classes is empty");
        }
        Set<String> seen = new HashSet<>();
        for (String c : m.classes()) {
            if (c == null || c.isBlank() || !seen.add(c)) {
                throw invalid(dir, "classes must be distinct non-empty names, found " + m.classes());
            }
        }
        if (m.role() == Role.QUALITY) {
            if (m.classes().size() != 2) {
                throw invalid(dir, "a quality model has 2 classes (poor, good), found " + m.classes());
            }
            require(dir, "goodIndex", m.goodIndex());
            if (m.goodIndex() < 0 || m.goodIndex() >= 2) {
                throw invalid(dir, "goodIndex " + m.goodIndex() + " is not 0 or 1");
            }
        } else if (m.goodIndex() != null) {
            throw invalid(dir, "goodIndex is for quality models only");
        }
    }

    private static void validateInput(Path dir, Input in) throws ModelBundleException {
        if (in == null || in.size() == null) {
            throw new ModelBundleException(Kind.INPUT_SIZE_MISSING, dir, MANIFEST,
                    "input.size is missing: the model's input size in pixels must be stated");
        }
        if (in.size() <= 0) {
            throw invalid(dir, "input.size " + in.size() + " is not a positive number of pixels");
        }
        require(dir, "input.micronsPerPixel", in.micronsPerPixel());
        if (!(in.micronsPerPixel() > 0) || in.micronsPerPixel().isInfinite()) {
            throw invalid(dir, "input.micronsPerPixel " + in.micronsPerPixel() + " is not positive");
        }
        require(dir, "input.resampling", in.resampling());
        requireTriple(dir, "input.mean", in.mean(), false);
        requireTriple(dir, "input.std", in.std(), true);
    }

    private static void requireTriple(Path dir, String name, List<Double> values, boolean positive)
            throws ModelBundleException {
        require(dir, name, values);
        if (values.size() != 3 || values.stream().anyMatch(v -> v == null || v.isNaN() || v.isInfinite()
                || (positive && v <= 0))) {
            throw invalid(dir, name + " must be 3 " + (positive ? "positive " : "") + "numbers, found " + values);
        }
    }

    private static void validateFiles(Path dir, ModelManifest m) throws ModelBundleException {
        require(dir, "files", m.files());
        EnumSet<Purpose> seen = EnumSet.noneOf(Purpose.class);
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < m.files().size(); i++) {
            FileEntry f = m.files().get(i);
            String at = "files[" + i + "]";
            require(dir, at, f);
            requireText(dir, at + ".path", f.path());
            require(dir, at + ".sha256", f.sha256());
            require(dir, at + ".purpose", f.purpose());
            Path p;
            try {
                p = Path.of(f.path());
            } catch (InvalidPathException e) {
                throw invalid(dir, at + ".path \"" + f.path() + "\" is not a valid path: " + e.getReason());
            }
            if (p.isAbsolute() || !dir.resolve(p).normalize().startsWith(dir.normalize()) || !paths.add(f.path())) {
                throw invalid(dir, at + ".path \"" + f.path() + "\" must be a distinct path inside the bundle");
            }
            if (!SHA256.matcher(f.sha256()).matches()) {
                throw invalid(dir, at + ".sha256 of " + f.path() + " is not 64 lowercase hex digits");
            }
            if (!seen.add(f.purpose())) {
                throw invalid(dir, "two files have purpose " + purposeName(f.purpose()));
            }
        }
        Set<Purpose> required = m.role() == Role.QUALITY ? EnumSet.of(Purpose.MODEL)
                : EnumSet.of(Purpose.FEATURES, Purpose.HEAD);
        // calibration.json (temperature, domain check, conformal scores) is optional in either role.
        Set<Purpose> allowed = m.role() == Role.QUALITY ? EnumSet.of(Purpose.MODEL, Purpose.CALIBRATION)
                : EnumSet.of(Purpose.INTERMEDIATE, Purpose.FEATURES, Purpose.HEAD, Purpose.CALIBRATION);
        for (Purpose p : required) {
            if (!seen.contains(p)) {
                throw new ModelBundleException(Kind.MISSING_FIELD, dir, MANIFEST, "files: a "
                        + m.role().name().toLowerCase() + " bundle needs a file with purpose " + purposeName(p)
                        + " but none is listed");
            }
        }
        for (Purpose p : seen) {
            if (!allowed.contains(p)) {
                throw invalid(dir, "purpose " + purposeName(p) + " is not allowed in a "
                        + m.role().name().toLowerCase() + " bundle");
            }
        }
    }

    private static void validateGradCam(Path dir, ModelManifest m) throws ModelBundleException {
        if (m.role() == Role.QUALITY) {
            if (m.gradCam() != null) {
                throw invalid(dir, "gradCam is for classifier bundles only");
            }
            return;
        }
        require(dir, "gradCam", m.gradCam());
        requireText(dir, "gradCam.penultimate", m.gradCam().penultimate());
        boolean hasFile = m.file(Purpose.INTERMEDIATE) != null;
        if (hasFile && m.gradCam().intermediate() == null) {
            throw missing(dir, "gradCam.intermediate (the bundle has an intermediate file)");
        }
        if (!hasFile && m.gradCam().intermediate() != null) {
            throw invalid(dir, "gradCam.intermediate is given but no file has purpose \"intermediate\"");
        }
    }

    private static void validateProvenance(Path dir, ModelManifest.Provenance p) throws ModelBundleException {
        require(dir, "provenance", p);
        requireText(dir, "provenance.trainingData", p.trainingData());
        requireText(dir, "provenance.date", p.date());
        try {
            LocalDate.parse(p.date());
        } catch (DateTimeParseException e) {
            throw invalid(dir, "provenance.date \"" + p.date() + "\" is not an ISO date (yyyy-mm-dd)");
        }
    }

    private static void verifyFile(Path dir, FileEntry entry) throws ModelBundleException {
        Path file = dir.resolve(entry.path());
        if (!Files.isRegularFile(file)) {
            throw new ModelBundleException(Kind.MISSING_FILE, dir, entry.path(),
                    "file not found (listed in " + MANIFEST + " with purpose " + purposeName(entry.purpose()) + ")");
        }
        String actual;
        try {
            actual = sha256(file);
        } catch (IOException e) {
            throw new ModelBundleException(Kind.MISSING_FILE, dir, entry.path(), "cannot read: " + e, e);
        }
        if (!actual.equals(entry.sha256())) {
            throw new ModelBundleException(Kind.HASH_MISMATCH, dir, entry.path(),
                    "SHA-256 mismatch: " + MANIFEST + " says " + entry.sha256() + " but the file has " + actual);
        }
    }

    /** Lowercase hex SHA-256 of a file. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String purposeName(Purpose p) {
        return "\"" + p.name().toLowerCase() + "\"";
    }

    private static void require(Path dir, String field, Object value) throws ModelBundleException {
        if (value == null) {
            throw missing(dir, field);
        }
    }

    private static void requireText(Path dir, String field, String value) throws ModelBundleException {
        require(dir, field, value);
        if (value.isBlank()) {
            throw invalid(dir, field + " is empty");
        }
    }

    private static ModelBundleException missing(Path dir, String field) {
        return new ModelBundleException(Kind.MISSING_FIELD, dir, MANIFEST, "required field " + field + " is missing");
    }

    private static ModelBundleException invalid(Path dir, String problem) {
        return new ModelBundleException(Kind.INVALID_FIELD, dir, MANIFEST, problem);
    }
}
