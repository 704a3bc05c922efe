package org.marrowscope.slide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Which files are slides by their name: what a folder of slides holds for {@code classify} and the app's worklist. */
public final class SlideFiles {

    public static final Set<String> EXTENSIONS = Set.of("svs", "tif", "tiff", "ndpi", "vms", "vmu", "mrxs", "scn", "bif",
            "svslide", "png", "jpg", "jpeg", "bmp");

    private SlideFiles() {
    }

    /** A slide or microscope picture by its extension, never one of MarrowScope's own outputs. */
    public static boolean looksLikeSlide(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && !name.endsWith(".marrowscope.json");
    }

    /** The slide files directly inside a folder, sorted by path. */
    public static List<Path> inFolder(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile).filter(SlideFiles::looksLikeSlide).sorted().toList();
        }
    }
}
