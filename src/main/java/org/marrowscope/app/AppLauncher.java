package org.marrowscope.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the desktop app from a class that is not an {@link Application} (JavaFX is on the class path, not the
 * module path, and the JDK's launcher refuses an Application main class in that case). Without a display it
 * says so and how to fix it, instead of a toolkit stack trace.
 */
public final class AppLauncher {

    /** Held so the level set below stays set: java.util.logging keeps loggers only weakly. */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    /** Exit code when no graphical display is available. */
    public static final int NO_DISPLAY = 4;

    private AppLauncher() {
    }

    /**
     * Runs the app until its window closes.
     *
     * @param slide a slide to open, or null for the start screen
     * @return the exit code
     */
    public static int launch(Path slide, String software, PrintWriter err) {
        if (!displayAvailable()) {
            noDisplay(err);
            return NO_DISPLAY;
        }
        // JavaFX warns that it was loaded from the class path, which is how MarrowScope ships it on purpose.
        JAVAFX_LOGGER.setLevel(Level.SEVERE);
        List<String> args = new ArrayList<>();
        args.add("--software=" + software);
        if (slide != null) {
            args.add(slide.toAbsolutePath().toString());
        }
        try {
            Application.launch(MarrowScopeApp.class, args.toArray(String[]::new));
            return 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // GTK could not open the display named by DISPLAY (wrong value, X server gone, no permission).
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("display")) {
                noDisplay(err);
                return NO_DISPLAY;
            }
            throw e;
        }
    }

    /** False on Linux without DISPLAY or WAYLAND_DISPLAY (and not on the headless test platform). */
    public static boolean displayAvailable() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return true;
        }
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void noDisplay(PrintWriter err) {
        err.println("marrowscope: no graphical display: the desktop app needs a desktop session (DISPLAY or WAYLAND_DISPLAY"
                + " is not set, or the display cannot be opened).");
        err.println("  On a server, use the command line (marrowscope --help: info, classify, synth, bench),");
        err.println("  or run the app on a virtual display: xvfb-run -s \"-screen 0 1600x1000x24\" marrowscope");
        err.println("  Over SSH, connect with X forwarding: ssh -X host");
        err.flush();
    }
}
