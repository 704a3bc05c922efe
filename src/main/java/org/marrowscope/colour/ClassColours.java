package org.marrowscope.colour;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Class colours, the same on the screen, in the PDF, in GeoJSON and in the ROC figures. The five classes take
 * the Okabe-Ito palette (Okabe and Ito, 2008), chosen to stay distinct with every common colour vision deficiency:
 * ALL vermillion, AML orange, CML yellow, lymphoma bluish green, MM sky blue. Classes a bundle adds beyond these
 * take the palette's remaining colours, then greys, by position.
 */
public final class ClassColours {

    private static final Map<String, Integer> FIVE = Map.of(
            "all", 0xD55E00,
            "aml", 0xE69F00,
            "cml", 0xF0E442,
            "lymphoma", 0x009E73,
            "mm", 0x56B4E9);

    private static final int[] EXTRA = {0x0072B2, 0xCC79A7, 0x000000, 0x777777, 0xBBBBBB};

    private ClassColours() {
    }

    /** 0xRRGGBB for {@code className}: its Okabe-Ito colour when it is one of the five classes. */
    public static int of(String className, List<String> classes) {
        Integer known = FIVE.get(className.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        int index = Math.max(0, classes.indexOf(className));
        return EXTRA[index % EXTRA.length];
    }
}
