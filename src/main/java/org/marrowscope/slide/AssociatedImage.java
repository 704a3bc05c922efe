package org.marrowscope.slide;

/**
 * A non-pyramid image stored with the slide (label, macro, thumbnail).
 *
 * @param possiblyIdentifying true for images that can show patient identity (label, macro);
 *     these are never shown or exported unless the user explicitly enables it
 */
public record AssociatedImage(String name, long width, long height, boolean possiblyIdentifying) {

    /** Label and macro photographs show the slide label, which often carries the patient's name or number. */
    public static boolean isPossiblyIdentifying(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.contains("label") || n.contains("macro");
    }
}
