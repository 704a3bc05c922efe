package org.marrowscope.app;

/**
 * Headless JavaFX for the UI tests: Monocle's headless platform with the software renderer, so the real
 * window runs without a display. Called from a UI test class's static initialiser, before the toolkit starts;
 * other tests never load it.
 */
final class HeadlessFx {

    private HeadlessFx() {
    }

    static void configure() {
        if (Boolean.getBoolean("marrowscope.test.display")) {
            return; // run the UI tests on a real (or Xvfb) display instead, e.g. to watch them
        }
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1600x1000-32");
    }
}
