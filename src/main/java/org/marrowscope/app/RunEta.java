package org.marrowscope.app;

import java.util.Locale;
import org.marrowscope.pipeline.Progress;
import org.marrowscope.pipeline.Stage;

/**
 * What the Result tab says while a run goes: elapsed time and what is known of the time left (no JavaFX, so it is
 * tested directly). Stage 1 stops at its last good tile, so its figure is an upper bound and is said so; before
 * the first tiles are scored nothing is known and nothing is guessed.
 */
final class RunEta {

    private RunEta() {
    }

    /** "Classifying aml-3.tiff… 0:12 elapsed · ETA 0:05", from the last progress report (null before the first). */
    static String text(String slide, double elapsedSeconds, Progress last) {
        return "Classifying " + slide + "… " + clock(elapsedSeconds) + " elapsed · " + eta(last);
    }

    static String eta(Progress p) {
        if (p == null || p.tilesPerSecond() <= 0 || p.total() <= 0
                || (p.stage() != Stage.QUALITY && p.stage() != Stage.CLASSIFICATION)) {
            return "ETA once the first tiles are scored";
        }
        double left = Math.max(0, p.total() - p.done()) / p.tilesPerSecond();
        return p.stage() == Stage.QUALITY
                ? "stage 1 ETA at most " + clock(left) + " (it stops early at the last ROI), then stage 2"
                : "ETA " + clock(left);
    }

    /** m:ss, or h:mm:ss from an hour. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
