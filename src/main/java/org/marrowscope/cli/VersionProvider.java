package org.marrowscope.cli;

import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.OpenSlideSlide;
import picocli.CommandLine;

/** Prints our version and the native libraries found, which is what a support request needs first. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String appVersion() {
        String v = MarrowScopeCommand.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** How results name the software that made them. */
    static String softwareName() {
        return "MarrowScope " + appVersion();
    }

    @Override
    public String[] getVersion() {
        String openslide;
        try {
            openslide = OpenSlideSlide.libraryVersion();
        } catch (SlideException e) {
            openslide = "not found";
        }
        return new String[] {
            "MarrowScope " + appVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            "OpenSlide " + openslide};
    }
}
