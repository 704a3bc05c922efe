package org.marrowscope.app;

import java.nio.file.Path;
import org.marrowscope.io.UserFolders;

/**
 * Where the app keeps its own files: settings in the user's config folder, the demo slide and tile-review
 * labels in the user's data folder (XDG base directories, the Linux desktop convention).
 *
 * @param config settings and window geometry
 * @param data the demo slide, review labels
 */
public record AppPaths(Path config, Path data) {

    /** {@code $XDG_CONFIG_HOME/marrowscope} and {@code $XDG_DATA_HOME/marrowscope}, with the usual fallbacks. */
    public static AppPaths forUser() {
        return new AppPaths(UserFolders.config(), UserFolders.data());
    }

    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    public Path demoSlide() {
        return data.resolve("demo").resolve(DemoSlide.FILE_NAME);
    }

    /** Where results go unless the user chose another folder or "beside the slide" ({@code DATA/results}). */
    public Path resultsFolder() {
        return data.resolve("results");
    }

    public Path reviewFolder() {
        return data.resolve("review");
    }
}
