package org.marrowscope.colour;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's class colours (Figure 4): ALL red, AML orange, CML yellow, lymphoma green, MM light blue.
 * Classes a bundle adds beyond these get distinct colours from a fixed palette, by position.
 */
public final class ClassColours {

    private static final Map<String, Integer> PAPER = Map.of(
            "all", 0xE41A1C,
            "aml", 0xFF8C00,
            "cml", 0xFFD700,
            "lymphoma", 0x2CA02C,
            "mm", 0x87CEEB);

    private static final int[] EXTRA = {0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F, 0x17BECF, 0xBCBD22};

    private ClassColours() {
    }

    /** 0xRRGGBB for {@code className}, the paper's colour when it is one of the five. */
    public static int of(String className, List<String> classes) {
        Integer paper = PAPER.get(className.toLowerCase(Locale.ROOT));
        if (paper != null) {
            return paper;
        }
        int index = Math.max(0, classes.indexOf(className));
        return EXTRA[index % EXTRA.length];
    }
}
