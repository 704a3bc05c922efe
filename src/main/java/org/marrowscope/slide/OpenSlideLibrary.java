package org.marrowscope.slide;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import org.marrowscope.slide.SlideException;

/**
 * Method handles onto the OpenSlide C library, found at run time (OpenSlide 4 names it
 * {@code libopenslide.so.1}, Debian bookworm's 3.4.1 {@code libopenslide.so.0}).
 *
 * <p>Loaded once per JVM; the handles are immutable and thread-safe. OpenSlide itself is thread-safe
 * for every call but {@code openslide_close}, which {@link OpenSlideSlide} guards.
 */
final class OpenSlideLibrary {

    /** Names tried in order, unless {@code marrowscope.openslide.library} names the one library to load. */
    static final List<String> LIBRARY_NAMES = List.of(
            "libopenslide.so.1", "libopenslide.so.0", "libopenslide.1.dylib", "libopenslide.0.dylib",
            "libopenslide-1.dll", "libopenslide-0.dll");

    static final String INSTALL_HINT = "Install OpenSlide: on Debian/Ubuntu 'sudo apt-get install libopenslide0', "
            + "on Fedora 'sudo dnf install openslide', on macOS 'brew install openslide'; "
            + "or point the system property marrowscope.openslide.library at the library file.";

    final String libraryName;
    final MethodHandle open;
    final MethodHandle detectVendor;
    final MethodHandle close;
    final MethodHandle getError;
    final MethodHandle getLevelCount;
    final MethodHandle getLevelDimensions;
    final MethodHandle getLevelDownsample;
    final MethodHandle readRegion;
    final MethodHandle getPropertyNames;
    final MethodHandle getPropertyValue;
    final MethodHandle getAssociatedImageNames;
    final MethodHandle getAssociatedImageDimensions;
    final MethodHandle readAssociatedImage;
    final MethodHandle getVersion;

    private static volatile OpenSlideLibrary instance;
    private static volatile SlideException loadFailure;

    private OpenSlideLibrary(String libraryName, SymbolLookup lookup) {
        this.libraryName = libraryName;
        Linker linker = Linker.nativeLinker();
        open = handle(linker, lookup, "openslide_open", FunctionDescriptor.of(ADDRESS, ADDRESS));
        detectVendor = handle(linker, lookup, "openslide_detect_vendor", FunctionDescriptor.of(ADDRESS, ADDRESS));
        close = handle(linker, lookup, "openslide_close", FunctionDescriptor.ofVoid(ADDRESS));
        getError = handle(linker, lookup, "openslide_get_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        getLevelCount = handle(linker, lookup, "openslide_get_level_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getLevelDimensions = handle(linker, lookup, "openslide_get_level_dimensions",
                FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        getLevelDownsample = handle(linker, lookup, "openslide_get_level_downsample",
                FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_INT));
        readRegion = handle(linker, lookup, "openslide_read_region",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG));
        getPropertyNames = handle(linker, lookup, "openslide_get_property_names", FunctionDescriptor.of(ADDRESS, ADDRESS));
        getPropertyValue = handle(linker, lookup, "openslide_get_property_value",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        getAssociatedImageNames = handle(linker, lookup, "openslide_get_associated_image_names",
                FunctionDescriptor.of(ADDRESS, ADDRESS));
        getAssociatedImageDimensions = handle(linker, lookup, "openslide_get_associated_image_dimensions",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        readAssociatedImage = handle(linker, lookup, "openslide_read_associated_image",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        getVersion = handle(linker, lookup, "openslide_get_version", FunctionDescriptor.of(ADDRESS));
    }

    /** The library, loaded on first use; a missing library is reported the same way every time. */
    static OpenSlideLibrary get() throws SlideException {
        OpenSlideLibrary lib = instance;
        if (lib != null) {
            return lib;
        }
        synchronized (OpenSlideLibrary.class) {
            if (instance == null && loadFailure == null) {
                try {
                    instance = load();
                } catch (SlideException e) {
                    loadFailure = e;
                }
            }
            if (loadFailure != null) {
                throw new SlideException(SlideException.Kind.LIBRARY_MISSING, null, loadFailure.getMessage());
            }
            return instance;
        }
    }

    private static OpenSlideLibrary load() throws SlideException {
        String override = System.getProperty("marrowscope.openslide.library");
        if (override != null && !override.isBlank()) {
            // A library the user names is the one they mean: silently loading another OpenSlide instead would
            // hide a typo or a missing file behind a different version's behaviour.
            return load(List.of(override));
        }
        return load(LIBRARY_NAMES);
    }

    static OpenSlideLibrary load(List<String> candidates) throws SlideException {
        List<String> failures = new ArrayList<>();
        for (String name : candidates) {
            try {
                // The global arena keeps the library mapped for the JVM's lifetime, as slides may be open until exit.
                SymbolLookup lookup = SymbolLookup.libraryLookup(name, Arena.global());
                return new OpenSlideLibrary(name, lookup);
            } catch (IllegalArgumentException | IllegalStateException e) {
                failures.add(name);
            }
        }
        throw new SlideException(SlideException.Kind.LIBRARY_MISSING, null,
                "The OpenSlide library was not found (tried " + String.join(", ", failures) + "). " + INSTALL_HINT);
    }

    private static MethodHandle handle(Linker linker, SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = lookup.find(name)
                .orElseThrow(() -> new IllegalStateException("OpenSlide library lacks symbol " + name));
        return linker.downcallHandle(symbol, descriptor);
    }

    /** The library's own version string, e.g. "3.4.1". */
    String version() {
        try {
            MemorySegment s = (MemorySegment) getVersion.invokeExact();
            return NativeStrings.read(s);
        } catch (Throwable t) {
            throw new IllegalStateException("openslide_get_version failed", t);
        }
    }
}
