package org.marrowscope.pipeline.result;

import com.fasterxml.jackson.databind.DeserializationFeature;
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

    /**
     * Where the result of {@code slide} is (or would be) saved: {@code SLIDE.marrowscope.json} beside the slide, or
     * {@code SLIDE.FINGERPRINT.marrowscope.json} in a results folder, where slides from many folders meet and two
     * of them may share a file name ({@link SlideFingerprint}).
     */
    public Path location(Path slide) {
        if (folder == null) {
            return slide.toAbsolutePath().getParent().resolve(slide.getFileName().toString() + SUFFIX);
        }
        return folder.resolve(slide.getFileName().toString() + "." + SlideFingerprint.of(slide) + SUFFIX);
    }

    /**
     * The saved result of {@code slide}, for reading: {@link #location} when it exists, else a results folder's
     * name from before fingerprints ({@code SLIDE.marrowscope.json}), whose slide identity the reader then checks.
     */
    public Path existing(Path slide) {
        Path named = location(slide);
        if (folder == null || Files.exists(named)) {
            return named;
        }
        Path legacy = folder.resolve(slide.getFileName().toString() + SUFFIX);
        return Files.exists(legacy) ? legacy : named;
    }

    /** Writes the result atomically: readers see the old file or the whole new one, never a part. */
    public Path save(Path slide, ClassificationResult result) throws IOException {
        Path target = location(slide);
        try {
            AtomicFiles.write(target, JSON.writeValueAsBytes(ResultVerifier.withDigest(JSON, result)));
        } catch (AccessDeniedException e) {
            throw new IOException("Cannot write the result beside the slide (" + target.getParent()
                    + " is read-only); choose a results folder (--out).", e);
        }
        return target;
    }

    /**
     * Reads a saved result and verifies it ({@link ResultVerifier}): other format versions, edited, incomplete or
     * inconsistent files are refused with a message instead of being misread.
     */
    public static ClassificationResult read(Path file) throws IOException {
        return ResultVerifier.read(JSON, file);
    }

    /**
     * What a look-up for a reusable result found.
     *
     * @param result the saved result, when it belongs to this slide, these parameters and these models
     * @param warning set when a saved result was there but could not be trusted and was set aside
     */
    public record Lookup(Optional<ClassificationResult> result, Optional<String> warning) {
    }

    /** A saved result for this slide, these parameters and these models, if one exists and is readable. */
    public Optional<ClassificationResult> findReusable(Path slide, SlideIdentity identity, RunParameters parameters,
            ModelInfo quality, List<ModelInfo> classifiers) {
        return lookUp(slide, identity, parameters, quality, classifiers).result();
    }

    /**
     * Looks for a reusable result. One that fails verification is set aside (renamed to
     * {@code NAME.rejected-TIME.json}, kept for inspection) so that the slide is recomputed, never reported from it.
     */
    public Lookup lookUp(Path slide, SlideIdentity identity, RunParameters parameters, ModelInfo quality,
            List<ModelInfo> classifiers) {
        Path file = location(slide);
        if (!Files.isRegularFile(file)) {
            return new Lookup(Optional.empty(), Optional.empty());
        }
        try {
            ClassificationResult saved = read(file);
            boolean same = saved.slide().sameSlideAs(identity) && saved.parameters().equals(parameters)
                    && saved.quality().equals(quality) && saved.classifiers().equals(classifiers);
            return new Lookup(same ? Optional.of(saved) : Optional.empty(), Optional.empty());
        } catch (IOException e) {
            return new Lookup(Optional.empty(), Optional.of(setAside(file, e.getMessage())));
        }
    }

    private static String setAside(Path file, String problem) {
        String name = file.getFileName().toString();
        String base = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        Path aside = file.resolveSibling(base + ".rejected-" + stamp + ".json");
        try {
            java.nio.file.Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return problem + "; set aside as " + aside.getFileName() + " and computed again";
        } catch (IOException | RuntimeException e) {
            return problem + "; computed again (it could not be set aside: " + e.getMessage() + ")";
        }
    }
}
