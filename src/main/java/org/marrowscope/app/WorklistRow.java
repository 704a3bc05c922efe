package org.marrowscope.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.pipeline.result.SlideIdentity;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;

/**
 * One slide of the worklist (no JavaFX, so it is read off the FX thread and tested directly).
 *
 * @param status from the saved result, so a worklist resumes where it stopped, after a restart too
 * @param suggestion the suggested diagnosis, or null
 * @param diagnosis the pathologist's diagnosis from the case notes, or null
 * @param note why it failed or what the outcome's reason is, or ""
 */
record WorklistRow(Path slide, WorklistStatus status, String suggestion, String diagnosis, String note) {

    static final int THUMBNAIL_EDGE = 96;

    WorklistRow with(WorklistStatus value, String why) {
        return new WorklistRow(slide, value, suggestion, diagnosis, why);
    }

    WorklistRow with(ClassificationResult result) {
        return new WorklistRow(slide, WorklistStatus.of(result), result.diagnosis(), diagnosis,
                result.classifiable() ? "" : result.outcome().reason());
    }

    /** A row with its thumbnail, read together because both need the slide open. */
    record Loaded(WorklistRow row, BufferedImage thumbnail) {
    }

    /**
     * Reads the slide's saved result (in the results folder, else beside the slide), its case notes and a thumbnail;
     * a slide that cannot be opened is a failed row saying why.
     */
    static Loaded load(Path slide, Path resultsFolder) {
        String diagnosis = null;
        try {
            diagnosis = CaseNotes.read(slide, resultsFolder).pathologistDiagnosis();
        } catch (IOException e) {
            // Unreadable notes leave the column empty; the slide itself says what it can.
        }
        WorklistRow row = new WorklistRow(slide, WorklistStatus.NOT_YET, null, diagnosis, "");
        try (Slide open = Slides.open(slide)) {
            BufferedImage thumb = Thumbnails.of(open, THUMBNAIL_EDGE);
            Path file = new ResultStore(resultsFolder).existing(slide);
            if (!Files.isRegularFile(file) && resultsFolder != null) {
                file = new ResultStore(null).location(slide);
            }
            if (Files.isRegularFile(file)) {
                try {
                    ClassificationResult saved = ResultStore.read(file);
                    if (saved.slide().sameSlideAs(SlideIdentity.of(open))) {
                        row = row.with(saved);
                    }
                } catch (IOException e) {
                    row = row.with(WorklistStatus.NOT_YET, "The saved result cannot be used: " + e.getMessage());
                }
            }
            return new Loaded(row, thumb);
        } catch (SlideException | RuntimeException e) {
            return new Loaded(row.with(WorklistStatus.FAILED, Dialogs.message(e)), null);
        }
    }
}
