package org.marrowscope.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.image.Image;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ResultStore;
import org.marrowscope.pipeline.result.SlideIdentity;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;
import org.marrowscope.viewer.FxImages;

/**
 * A slide opened off the FX thread with what the window shows first: its thumbnail, its saved result (when
 * one exists for this very slide) and the pathologist's notes.
 *
 * @param savedResult the result saved for this slide, if any
 * @param savedResultFile the file it was read from, or null
 * @param savedResultProblem why a saved result file could not be used (shown, never fatal), or null
 */
public record OpenedSlide(Path path, Slide slide, Image thumbnail, Optional<ClassificationResult> savedResult,
        Path savedResultFile, String savedResultProblem, CaseNotes notes) {

    public static final int THUMBNAIL_EDGE = 1024;

    /** Opens the slide and reads what goes with it; closes the slide again if anything else fails. */
    public static OpenedSlide open(Path path, Path resultsFolder) throws SlideException {
        Slide slide = Slides.open(path);
        try {
            BufferedImage thumb = Thumbnails.of(slide, THUMBNAIL_EDGE);
            Optional<ClassificationResult> saved = Optional.empty();
            String problem = null;
            Path resultFile = new ResultStore(resultsFolder).existing(path);
            if (!Files.isRegularFile(resultFile) && resultsFolder != null
                    && Files.isRegularFile(new ResultStore(null).location(path))) {
                // Saved beside the slide, by an earlier version or while "beside each slide" was chosen: still its result.
                resultFile = new ResultStore(null).location(path);
            }
            if (Files.isRegularFile(resultFile)) {
                try {
                    ClassificationResult r = ResultStore.read(resultFile);
                    if (r.slide().sameSlideAs(SlideIdentity.of(slide))) {
                        saved = Optional.of(r);
                    } else {
                        problem = "The saved result " + resultFile.getFileName() + " belongs to another version of this slide"
                                + " (size or properties differ); classify again.";
                    }
                } catch (IOException e) {
                    problem = e.getMessage();
                }
            }
            CaseNotes notes;
            try {
                notes = CaseNotes.read(path, resultsFolder);
            } catch (IOException e) {
                notes = new CaseNotes(path.toAbsolutePath().toString(), null, null);
                problem = problem == null ? e.getMessage() : problem + " " + e.getMessage();
            }
            return new OpenedSlide(path, slide, thumb == null ? null : FxImages.toFx(thumb), saved,
                    saved.isPresent() ? resultFile : null, problem, notes);
        } catch (SlideException | RuntimeException e) {
            slide.close();
            throw e;
        }
    }
}
