package org.marrowscope.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.marrowscope.calibration.ModelCalibration;
import org.marrowscope.model.ModelBundleException.Kind;
import org.marrowscope.model.ModelManifest.FileEntry;
import org.marrowscope.model.ModelManifest.Purpose;

/** Reads and writes a bundle's {@code calibration.json}; its hash was checked with the bundle's other files. */
public final class CalibrationFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private CalibrationFiles() {
    }

    /** The bundle's calibration, or empty when it has none. */
    static Optional<ModelCalibration> read(Path dir, ModelManifest manifest) throws ModelBundleException {
        FileEntry entry = manifest.file(Purpose.CALIBRATION);
        if (entry == null) {
            return Optional.empty();
        }
        ModelCalibration c;
        try {
            c = JSON.readValue(dir.resolve(entry.path()).toFile(), ModelCalibration.class);
        } catch (IOException | RuntimeException e) {
            throw new ModelBundleException(Kind.INVALID_FIELD, dir, entry.path(), "not a valid calibration file: "
                    + firstLine(e.getMessage()), e);
        }
        if (c.domain() != null && manifest.role() == ModelManifest.Role.CLASSIFIER
                && c.domain().classMeans().size() != manifest.classes().size()) {
            throw new ModelBundleException(Kind.INVALID_FIELD, dir, entry.path(), "the domain check has "
                    + c.domain().classMeans().size() + " class means for " + manifest.classes().size() + " classes");
        }
        return Optional.of(c);
    }

    /** The JSON of a calibration, as written into bundles. */
    public static byte[] bytes(ModelCalibration calibration) throws IOException {
        return JSON.writeValueAsBytes(calibration);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
