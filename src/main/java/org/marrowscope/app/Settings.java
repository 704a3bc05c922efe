package org.marrowscope.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user sets and what the app remembers between sessions.
 *
 * @param modelsFolder folder of model bundles; null for the installation's {@code models/}
 * @param resultsFolder where results are saved; null for the user's results folder ({@code DATA/results})
 * @param device inference device: auto, cpu, gpu, gpu:N
 * @param tileCacheMegabytes memory for decoded viewer tiles
 * @param showAssociatedImages show label and macro images (they can show patient identity)
 * @param reviewSampleSize tiles sampled for a tile review
 * @param window last window position and size
 * @param recentSlides most recent first
 * @param selection stage 1's ROI count, thresholds and seed (the paper's 200, 0.8, 0.5; seed 1)
 * @param requireSignedModels refuse model bundles without a signature that a trusted key verifies (as the command
 *     line's --require-signed)
 * @param trustedKeysFolder folder of trusted public keys; null for the default keyring (as --trusted-keys)
 * @param resultsBesideSlide save results beside each slide instead (only when the user chose it: slide folders are
 *     often read-only archives or someone else's)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String modelsFolder, String resultsFolder, String device, int tileCacheMegabytes,
        boolean showAssociatedImages, int reviewSampleSize, WindowGeometry window, List<String> recentSlides,
        Selection selection, boolean requireSignedModels, String trustedKeysFolder, boolean resultsBesideSlide) {

    public static final int MAX_RECENT = 10;
    public static final Settings DEFAULTS = new Settings(null, null, "auto", 512, false, 100, null, List.of(), Selection.PAPER,
            false, null, false);

    public Settings {
        recentSlides = recentSlides == null ? List.of() : List.copyOf(recentSlides);
        device = device == null || device.isBlank() ? "auto" : device;
        tileCacheMegabytes = tileCacheMegabytes <= 0 ? 512 : Math.clamp(tileCacheMegabytes, 32, 16_384);
        reviewSampleSize = reviewSampleSize <= 0 ? 100 : Math.min(reviewSampleSize, 5_000);
        selection = selection == null ? Selection.PAPER : selection;
        trustedKeysFolder = trustedKeysFolder == null || trustedKeysFolder.isBlank() ? null : trustedKeysFolder;
    }

    /** The signature settings replaced. */
    public Settings withSignatures(boolean require, String keys) {
        return new Settings(modelsFolder, resultsFolder, device, tileCacheMegabytes, showAssociatedImages, reviewSampleSize,
                window, recentSlides, selection, require, keys, resultsBesideSlide);
    }

    /** Stage 1's selection numbers (ROIs per slide, p(good) thresholds, seed), settings like every number of the method. */
    public record Selection(int roiCount, double highThreshold, double lowThreshold, long seed) {
        public static final Selection PAPER = new Selection(200, 0.8, 0.5, 1);
    }

    public Settings withSelection(Selection value) {
        return new Settings(modelsFolder, resultsFolder, device, tileCacheMegabytes, showAssociatedImages, reviewSampleSize,
                window, recentSlides, value, requireSignedModels, trustedKeysFolder, resultsBesideSlide);
    }

    /** Window bounds in screen coordinates. */
    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    }

    public Settings withRecent(String slide) {
        List<String> list = new ArrayList<>(recentSlides);
        list.remove(slide);
        list.addFirst(slide);
        while (list.size() > MAX_RECENT) {
            list.removeLast();
        }
        return new Settings(modelsFolder, resultsFolder, device, tileCacheMegabytes, showAssociatedImages, reviewSampleSize,
                window, list, selection, requireSignedModels, trustedKeysFolder, resultsBesideSlide);
    }

    public Settings withoutRecent(String slide) {
        List<String> list = new ArrayList<>(recentSlides);
        list.remove(slide);
        return new Settings(modelsFolder, resultsFolder, device, tileCacheMegabytes, showAssociatedImages, reviewSampleSize,
                window, list, selection, requireSignedModels, trustedKeysFolder, resultsBesideSlide);
    }

    public Settings withWindow(WindowGeometry value) {
        return new Settings(modelsFolder, resultsFolder, device, tileCacheMegabytes, showAssociatedImages, reviewSampleSize,
                value, recentSlides, selection, requireSignedModels, trustedKeysFolder, resultsBesideSlide);
    }

    /** The user-editable part replaced, the remembered part kept. */
    public Settings withPreferences(String models, String results, String dev, int cacheMb, boolean associated, int review) {
        return new Settings(models, results, dev, cacheMb, associated, review, window, recentSlides, selection,
                requireSignedModels, trustedKeysFolder, resultsBesideSlide);
    }

    public Settings withResultsBesideSlide(boolean value) {
        return new Settings(modelsFolder, resultsFolder, device, tileCacheMegabytes, showAssociatedImages, reviewSampleSize,
                window, recentSlides, selection, requireSignedModels, trustedKeysFolder, value);
    }
}
