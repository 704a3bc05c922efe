package org.marrowscope.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.marrowscope.io.AtomicFiles;

/**
 * The pathologist's own diagnosis of a slide, kept beside the slide's result ({@code SLIDE.marrowscope-case.json})
 * so it travels with it. It is the reference the misclassified-ROI filter compares against.
 *
 * @param slide absolute path of the slide
 * @param pathologistDiagnosis a class name, or null when none was entered
 * @param updatedAt ISO-8601 instant of the last change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseNotes(String slide, String pathologistDiagnosis, String updatedAt) {

    public static final String SUFFIX = ".marrowscope-case.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The notes file for a slide, in the folder where its result goes ({@code resultsFolder} null: beside it). */
    public static Path location(Path slide, Path resultsFolder) {
        Path dir = resultsFolder != null ? resultsFolder : slide.toAbsolutePath().getParent();
        return dir.resolve(slide.getFileName().toString() + SUFFIX);
    }

    /** The saved notes, or empty notes when none were saved. */
    public static CaseNotes read(Path slide, Path resultsFolder) throws IOException {
        Path file = location(slide, resultsFolder);
        if (!Files.isRegularFile(file)) {
            return new CaseNotes(slide.toAbsolutePath().toString(), null, null);
        }
        try {
            return JSON.readValue(file.toFile(), CaseNotes.class);
        } catch (IOException e) {
            throw new IOException("The case notes " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Saves the notes with a new diagnosis, atomically. */
    public static CaseNotes save(Path slide, Path resultsFolder, String diagnosis) throws IOException {
        CaseNotes notes = new CaseNotes(slide.toAbsolutePath().toString(), diagnosis, Instant.now().toString());
        AtomicFiles.write(location(slide, resultsFolder), JSON.writeValueAsBytes(notes));
        return notes;
    }
}
