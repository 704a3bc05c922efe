package org.marrowscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.slide.SlideFiles;

/** Expands command-line slide arguments: files as given, folders to the slide files directly inside them. */
final class SlideArguments {

    private SlideArguments() {
    }

    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : arguments) {
            if (Files.isDirectory(p)) {
                out.addAll(SlideFiles.inFolder(p));
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
