package org.marrowscope.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.marrowscope.viewer.SlideView;

/**
 * Proof that the real window came up, for the toolkit test and smoke checks on a new system: with
 * {@code -Dmarrowscope.readyFile=FILE} the app, once its window shows (and the slide given on the command line
 * is open and painted), writes a screenshot to FILE.png and then one line to FILE, and quits when
 * {@code -Dmarrowscope.quitWhenReady=true}. A missing GTK or GL library stops the app before this point, which is
 * what the test is for.
 */
final class ReadinessMarker {

    static final String FILE_PROPERTY = "marrowscope.readyFile";
    static final String QUIT_PROPERTY = "marrowscope.quitWhenReady";

    private ReadinessMarker() {
    }

    /** True when a marker was asked for. */
    static boolean requested() {
        return System.getProperty(FILE_PROPERTY) != null;
    }

    /** Runs {@code action} once, on the FX thread, after the view's first paint with every tile of its level. */
    static void afterFirstCompletePaint(SlideView view, Runnable action) {
        view.setPaintListener((nanos, complete) -> {
            if (complete) {
                view.setPaintListener((n, c) -> { });
                Platform.runLater(action);
            }
        });
        view.requestPaint();
    }

    /** On the FX thread: screenshot, then the marker line (written last, so its presence means both are complete). */
    static void write(Stage stage) {
        Path file = Path.of(System.getProperty(FILE_PROPERTY));
        try {
            WritableImage shot = stage.getScene().snapshot(null);
            BufferedImage png = toAwt(shot);
            ImageIO.write(png, "png", file.resolveSibling(file.getFileName() + ".png").toFile());
            String line = String.format(Locale.ROOT, "ready platform=%s window=%dx%d showing=%s title=%s colours=%d%n",
                    toolkit(),
                    (int) stage.getWidth(), (int) stage.getHeight(), stage.isShowing(), stage.getTitle(), distinctColours(png));
            Files.writeString(file, line, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("marrowscope: readiness marker not written: " + e);
        }
        if (Boolean.getBoolean(QUIT_PROPERTY)) {
            Platform.exit();
        }
    }

    /** The window toolkit glass really loaded ("gtk" from GtkApplication), not the one asked for. */
    private static String toolkit() {
        String name = com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName();
        return name.replace("Application", "").toLowerCase(Locale.ROOT);
    }

    private static BufferedImage toAwt(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    /** Distinct colours on a coarse grid (capped): a blank or black window has one or two. */
    private static int distinctColours(BufferedImage png) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 7) {
            for (int x = 0; x < png.getWidth(); x += 7) {
                seen.add(png.getRGB(x, y));
            }
        }
        return Math.min(seen.size(), 1000);
    }
}
