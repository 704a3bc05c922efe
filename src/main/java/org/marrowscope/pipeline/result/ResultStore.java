package org.marrowscope.pipeline.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.marrowscope.io.AtomicFiles;

/**
 * Saves results as versioned JSON beside the slide ({@code SLIDE.marrowscope.json}) or in a chosen folder,
 * atomically, and finds a saved result that can be reused without recomputation.
 */
public final class ResultStore {

    public static final String SUFFIX = ".marrowscope.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;

    /** @param folder where results go; null to write them beside each slide */
    public ResultStore(Path folder) {
        this.folder = folder;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Where the result of {@code slide} is (or would be) saved. */
    public Path location(Path slide) {
        Path dir = folder != null ? folder : slide.toAbsolutePath().getParent();
        return dir.resolve(slide.getFileName().toString() + SUFFIX);
    }

    /** Writes the result atomically: readers see the old file or the whole new one, never a part. */
    public Path save(Path slide, ClassificationResult result) throws IOException {
        Path target = location(slide);
        try {
            AtomicFiles.write(target, JSON.writeValueAsBytes(result));
        } catch (AccessDeniedException e) {
            throw new IOException("Cannot write the result beside the slide (" + target.getParent()
                    + " is read-only); choose a results folder (--out).", e);
        }
        return target;
    }

    /** Reads a saved result; refuses other format versions with a message instead of misreading them. */
    public static ClassificationResult read(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException("The result file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        int version = tree.path("formatVersion").asInt(-1);
        if (version != ClassificationResult.FORMAT_VERSION) {
            throw new IOException("The result file " + file + " has format version " + version + "; this MarrowScope reads "
                    + ClassificationResult.FORMAT_VERSION + ". Classify the slide again.");
        }
        return JSON.treeToValue(tree, ClassificationResult.class);
    }

    /** A saved result for this slide, these parameters and these models, if one exists and is readable. */
    public Optional<ClassificationResult> findReusable(Path slide, SlideIdentity identity, RunParameters parameters,
            ModelInfo quality, List<ModelInfo> classifiers) {
        Path file = location(slide);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ClassificationResult saved = read(file);
            boolean same = saved.slide().sameSlideAs(identity) && saved.parameters().equals(parameters)
                    && saved.quality().equals(quality) && saved.classifiers().equals(classifiers);
            return same ? Optional.of(saved) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
