package org.marrowscope.slide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.marrowscope.slide.SlideException.Kind;

/** Opens any slide or microscope picture, checking the file first so each failure gets its own message. */
public final class Slides {

    /** Extensions of single pictures that Java decodes itself (TIFF is tried with OpenSlide first). */
    static final Set<String> PICTURE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    public static final String SUPPORTED_FORMATS = "Aperio (.svs, .tif), Hamamatsu (.ndpi, .vms, .vmu), "
            + "3DHistech MIRAX (.mrxs), Leica (.scn), Ventana (.bif, .tif), Philips TIFF, Sakura (.svslide), "
            + "generic tiled TIFF, and single microscope pictures (PNG, JPEG, TIFF, BMP)";

    /** Slides opened in this process; see {@link #openCount()}. */
    private static final AtomicLong OPENED = new AtomicLong();

    private Slides() {
    }

    /**
     * How many times a slide was opened in this process. Opening is the expensive step (OpenSlide parses the
     * file's directories, a picture is decoded whole), so tests use this to check that work on an open slide
     * (Grad-CAM of its ROIs, reports) reuses it instead of opening the file again.
     */
    public static long openCount() {
        return OPENED.get();
    }

    public static Slide open(Path path) throws SlideException {
        Slide slide = openUnchecked(path);
        try {
            SlideLimits.check(slide);
            return slide;
        } catch (SlideException | RuntimeException e) {
            slide.close();
            throw e;
        }
    }

    private static Slide openUnchecked(Path path) throws SlideException {
        checkFile(path);
        OPENED.incrementAndGet();
        String ext = extension(path);
        if (PICTURE_EXTENSIONS.contains(ext)) {
            return PlainImageSlide.open(path);
        }
        try {
            return OpenSlideSlide.open(path);
        } catch (SlideException e) {
            if (e.kind() == Kind.UNRECOGNISED_FORMAT) {
                return openAsPictureOr(path, e);
            }
            if (e.kind() == Kind.LIBRARY_MISSING && (ext.equals("tif") || ext.equals("tiff"))) {
                // A single-field TIFF needs no OpenSlide; only a pyramid does.
                return openAsPictureOr(path, e);
            }
            throw e;
        }
    }

    /**
     * OpenSlide refuses untiled TIFFs, which is what most microscope cameras write; those are pictures.
     * When no image reader takes the file either, the original (more telling) OpenSlide failure stands.
     */
    private static Slide openAsPictureOr(Path path, SlideException openSlideFailure) throws SlideException {
        try {
            return PlainImageSlide.open(path);
        } catch (SlideException pictureFailure) {
            if (openSlideFailure.kind() == Kind.LIBRARY_MISSING) {
                throw openSlideFailure;
            }
            if (pictureFailure.kind() == Kind.TOO_LARGE) {
                throw pictureFailure;
            }
            String magic = SlideLimits.magic(path);
            if (magic != null) {
                // A TIFF (or PNG, JPEG) header that no reader gets past is a damaged file, not an unknown format.
                throw new SlideException(Kind.BROKEN_FILE, path, "The file " + path + " looks like a " + magic
                        + " file but is damaged (truncated, or cut off while copying): OpenSlide says: "
                        + openSlideFailure.getMessage() + "; the picture reader says: " + pictureFailure.getMessage());
            }
            throw new SlideException(Kind.UNRECOGNISED_FORMAT, path, "The file " + path
                    + " is not a slide format MarrowScope can read. Supported: " + SUPPORTED_FORMATS + ".");
        }
    }

    private static void checkFile(Path path) throws SlideException {
        if (!Files.exists(path)) {
            throw new SlideException(Kind.NOT_FOUND, path, "No such file: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new SlideException(Kind.NOT_A_FILE, path, path + " is a folder, not a slide file"
                    + " (for a MIRAX slide open the .mrxs file beside the folder).");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SlideException(Kind.NOT_A_FILE, path, "Cannot read " + path + " (not a regular file, or no permission).");
        }
        try {
            if (Files.size(path) == 0) {
                throw new SlideException(Kind.EMPTY_FILE, path, "The file " + path
                        + " is empty (0 bytes): the copy or scan was probably interrupted.");
            }
        } catch (IOException e) {
            throw new SlideException(Kind.NOT_A_FILE, path, "Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
