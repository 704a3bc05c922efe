package org.marrowscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Expands command-line slide arguments: files as given, folders to the slide files directly inside them. */
final class SlideArguments {

    static final Set<String> SLIDE_EXTENSIONS = Set.of("svs", "tif", "tiff", "ndpi", "vms", "vmu", "mrxs", "scn", "bif",
            "svslide", "png", "jpg", "jpeg", "bmp");

    private SlideArguments() {
    }

    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : arguments) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> children = Files.list(p)) {
                    children.filter(Files::isRegularFile).filter(SlideArguments::looksLikeSlide).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static boolean looksLikeSlide(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && SLIDE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && !name.endsWith(".marrowscope.json");
    }
}
