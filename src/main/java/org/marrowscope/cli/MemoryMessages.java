package org.marrowscope.cli;

import java.util.Locale;

/** What to tell the user when the heap ran out: how much there is and how to give Java more. */
final class MemoryMessages {

    private MemoryMessages() {
    }

    static String outOfMemory() {
        return String.format(Locale.ROOT, "not enough memory (Java may use at most %.1f GiB): give Java more,"
                + " e.g. MARROWSCOPE_JAVA_OPTS=-Xmx8g, or use a smaller input", Runtime.getRuntime().maxMemory() / 1073741824.0);
    }
}
