package org.marrowscope.app;

import java.util.List;
import javafx.scene.paint.Color;
import org.marrowscope.colour.ClassColours;

/** The shared class colours ({@link ClassColours}) as JavaFX colours. */
final class ClassPalette {

    private ClassPalette() {
    }

    static Color of(String className, List<String> classes) {
        int rgb = ClassColours.of(className, classes);
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    static String css(String className, List<String> classes) {
        return String.format("#%06X", ClassColours.of(className, classes));
    }
}
