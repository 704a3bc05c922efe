package org.marrowscope.io;

import java.nio.file.Path;

/**
 * Where MarrowScope keeps per-user files, following the XDG base directories on Linux (and the same
 * layout under the home folder elsewhere): data (demo slide, extracted PyTorch natives) and configuration.
 */
public final class UserFolders {

    private UserFolders() {
    }

    /** {@code $XDG_DATA_HOME/marrowscope}, default {@code ~/.local/share/marrowscope}. */
    public static Path data() {
        return base("XDG_DATA_HOME", ".local/share").resolve("marrowscope");
    }

    /**
     * {@code $XDG_DATA_HOME/marrowscope/results}: where the app and {@code classify} save results unless told otherwise.
     * Slide folders are often read-only archive shares or someone else's, so nothing is written there unasked.
     */
    public static Path results() {
        return data().resolve("results");
    }

    /** {@code $XDG_CONFIG_HOME/marrowscope}, default {@code ~/.config/marrowscope}. */
    public static Path config() {
        return base("XDG_CONFIG_HOME", ".config").resolve("marrowscope");
    }

    /**
     * Points DJL's cache (where it extracts the PyTorch natives from the jar, once) into our data folder,
     * unless the user set {@code DJL_CACHE_DIR} already, so an installation keeps its files in one place.
     */
    public static void useDataFolderForDjlCache() {
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", data().resolve("djl").toString());
        }
    }

    private static Path base(String variable, String fallback) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(System.getProperty("user.home"), fallback);
    }
}
