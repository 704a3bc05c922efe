package org.marrowscope.slide;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.marrowscope.slide.AssociatedImage;
import org.marrowscope.slide.MicronsPerPixel;
import org.marrowscope.slide.PixelSize;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.SlideException.Kind;
import org.marrowscope.slide.SlideLevel;

/**
 * A slide read through our FFM binding to the OpenSlide C library.
 *
 * <p>One native handle is shared by all reader threads (OpenSlide is thread-safe for reads).
 * A read-write lock makes {@link #close()} wait for reads in flight and turns any later read into
 * a {@link Kind#CLOSED} error instead of a use-after-free.
 */
public final class OpenSlideSlide implements Slide {

    /** Largest region one call may read: its pixels must fit one Java int array. */
    static final long MAX_REGION_PIXELS = 1L << 28;

    private final OpenSlideLibrary lib;
    private final Path path;
    private final MemorySegment handle;
    private final String vendor;
    private final List<SlideLevel> levels;
    private final Map<String, String> properties;
    private final List<AssociatedImage> associated;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private OpenSlideSlide(OpenSlideLibrary lib, Path path, MemorySegment handle, String vendor) throws SlideException {
        this.lib = lib;
        this.path = path;
        this.handle = handle;
        this.vendor = vendor;
        try {
            this.levels = readLevels();
            this.properties = readProperties();
            this.associated = readAssociatedImageList();
            checkError("reading the slide's metadata");
        } catch (Throwable t) {
            closeHandle();
            throw t;
        }
    }

    /**
     * Opens a slide OpenSlide recognises.
     *
     * @throws SlideException UNRECOGNISED_FORMAT when OpenSlide does not know the format, BROKEN_FILE when it
     *     knows it but cannot read it, LIBRARY_MISSING when OpenSlide is not installed
     */
    public static OpenSlideSlide open(Path path) throws SlideException {
        OpenSlideLibrary lib = OpenSlideLibrary.get();
        String file = path.toAbsolutePath().toString();
        String vendor;
        MemorySegment handle;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cPath = arena.allocateFrom(file);
            vendor = NativeStrings.read((MemorySegment) lib.detectVendor.invokeExact(cPath));
            if (vendor == null) {
                throw unrecognised(path);
            }
            handle = (MemorySegment) lib.open.invokeExact(cPath);
        } catch (SlideException e) {
            throw e;
        } catch (Throwable t) {
            throw new SlideException(Kind.BROKEN_FILE, path, "OpenSlide failed on " + path + ": " + t, t);
        }
        if (handle.equals(MemorySegment.NULL)) {
            throw unrecognised(path);
        }
        String error = errorOf(lib, handle);
        if (error != null) {
            closeQuietly(lib, handle);
            throw new SlideException(Kind.BROKEN_FILE, path,
                    "The slide " + path + " looks like a " + vendor + " file but is damaged: " + error);
        }
        return new OpenSlideSlide(lib, path, handle, vendor);
    }

    /** The version of the OpenSlide library in use, e.g. "3.4.1". */
    public static String libraryVersion() throws SlideException {
        return OpenSlideLibrary.get().version();
    }

    private static SlideException unrecognised(Path path) {
        return new SlideException(Kind.UNRECOGNISED_FORMAT, path,
                "OpenSlide does not recognise the format of " + path + ".");
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return vendor;
    }

    @Override
    public List<SlideLevel> levels() {
        return levels;
    }

    @Override
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public Optional<MicronsPerPixel> micronsPerPixel() {
        return PixelSize.fromProperties(properties);
    }

    @Override
    public Optional<Double> objectivePower() {
        return PixelSize.objectivePower(properties);
    }

    @Override
    public List<AssociatedImage> associatedImages() {
        return associated;
    }

    @Override
    public BufferedImage readRegion(int level, long x, long y, int width, int height) throws SlideException {
        if (level < 0 || level >= levels.size()) {
            throw new SlideException(Kind.INVALID_REQUEST, path,
                    "Level " + level + " does not exist: " + path.getFileName() + " has " + levels.size() + " levels.");
        }
        if (width <= 0 || height <= 0 || (long) width * height > MAX_REGION_PIXELS) {
            throw new SlideException(Kind.INVALID_REQUEST, path, "Cannot read a region of " + width + "x" + height + " pixels.");
        }
        String doing = "reading a region at (" + x + ", " + y + ") level " + level;
        // Block lambdas: invokeExact must be a statement, so its return type is void and matches the handle.
        return readPixels(width, height, doing, (dest, arena) -> {
            lib.readRegion.invokeExact(handle, dest, x, y, level, (long) width, (long) height);
        });
    }

    @Override
    public BufferedImage readAssociatedImage(String name) throws SlideException {
        AssociatedImage info = associated.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new SlideException(Kind.INVALID_REQUEST, path,
                        "The slide has no associated image '" + name + "'."));
        if (info.width() * info.height() > MAX_REGION_PIXELS) {
            throw new SlideException(Kind.INVALID_REQUEST, path, "Associated image '" + name + "' is too large.");
        }
        return readPixels((int) info.width(), (int) info.height(), "reading associated image '" + name + "'",
                (dest, arena) -> {
                    lib.readAssociatedImage.invokeExact(handle, arena.allocateFrom(name), dest);
                });
    }

    /** One OpenSlide call that fills a native ARGB buffer; made under the read lock, so never after close. */
    @FunctionalInterface
    private interface NativeRead {
        void into(MemorySegment dest, Arena arena) throws Throwable;
    }

    private BufferedImage readPixels(int width, int height, String doing, NativeRead read) throws SlideException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        lock.readLock().lock();
        try (Arena arena = Arena.ofConfined()) {
            ensureOpen();
            MemorySegment dest = ReadBuffers.forPixels(pixels.length, arena);
            read.into(dest, arena);
            checkError(doing);
            MemorySegment.copy(dest, JAVA_INT, 0, pixels, 0, pixels.length);
        } catch (SlideException e) {
            throw e;
        } catch (Throwable t) {
            throw new SlideException(Kind.READ_FAILED, path, "OpenSlide failed " + doing + " of " + path.getFileName()
                    + ": " + t, t);
        } finally {
            lock.readLock().unlock();
        }
        PremultipliedArgb.compositeOnWhite(pixels);
        return image;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly(lib, handle);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void closeHandle() {
        closed = true;
        closeQuietly(lib, handle);
    }

    private void ensureOpen() throws SlideException {
        if (closed) {
            throw new SlideException(Kind.CLOSED, path, "The slide " + path.getFileName() + " has been closed.");
        }
    }

    /** OpenSlide errors are sticky: once set, every later call on the handle fails the same way. */
    private void checkError(String doing) throws SlideException {
        String error = errorOf(lib, handle);
        if (error != null) {
            throw new SlideException(Kind.READ_FAILED, path,
                    "OpenSlide failed " + doing + " of " + path.getFileName() + ": " + error);
        }
    }

    private List<SlideLevel> readLevels() throws SlideException {
        try (Arena arena = Arena.ofConfined()) {
            int count = (int) lib.getLevelCount.invokeExact(handle);
            if (count <= 0) {
                checkError("counting levels");
                throw new SlideException(Kind.BROKEN_FILE, path, "The slide " + path + " has no readable levels.");
            }
            MemorySegment w = arena.allocate(JAVA_LONG);
            MemorySegment h = arena.allocate(JAVA_LONG);
            List<SlideLevel> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                lib.getLevelDimensions.invokeExact(handle, i, w, h);
                double downsample = (double) lib.getLevelDownsample.invokeExact(handle, i);
                out.add(new SlideLevel(i, w.get(JAVA_LONG, 0), h.get(JAVA_LONG, 0), downsample));
            }
            return List.copyOf(out);
        } catch (SlideException e) {
            throw e;
        } catch (Throwable t) {
            throw new SlideException(Kind.BROKEN_FILE, path, "Reading the levels of " + path + " failed: " + t, t);
        }
    }

    private Map<String, String> readProperties() throws SlideException {
        try (Arena arena = Arena.ofConfined()) {
            List<String> names = NativeStrings.readArray((MemorySegment) lib.getPropertyNames.invokeExact(handle));
            Map<String, String> out = new LinkedHashMap<>();
            for (String name : names) {
                MemorySegment value = (MemorySegment) lib.getPropertyValue.invokeExact(handle, arena.allocateFrom(name));
                out.put(name, NativeStrings.read(value));
            }
            return Collections.unmodifiableMap(out);
        } catch (Throwable t) {
            throw new SlideException(Kind.BROKEN_FILE, path, "Reading the properties of " + path + " failed: " + t, t);
        }
    }

    private List<AssociatedImage> readAssociatedImageList() throws SlideException {
        try (Arena arena = Arena.ofConfined()) {
            List<String> names = NativeStrings.readArray((MemorySegment) lib.getAssociatedImageNames.invokeExact(handle));
            MemorySegment w = arena.allocate(JAVA_LONG);
            MemorySegment h = arena.allocate(JAVA_LONG);
            List<AssociatedImage> out = new ArrayList<>();
            for (String name : names) {
                lib.getAssociatedImageDimensions.invokeExact(handle, arena.allocateFrom(name), w, h);
                out.add(new AssociatedImage(name, w.get(JAVA_LONG, 0), h.get(JAVA_LONG, 0),
                        AssociatedImage.isPossiblyIdentifying(name)));
            }
            return List.copyOf(out);
        } catch (Throwable t) {
            throw new SlideException(Kind.BROKEN_FILE, path, "Reading the associated images of " + path + " failed: " + t, t);
        }
    }

    private static String errorOf(OpenSlideLibrary lib, MemorySegment handle) {
        try {
            return NativeStrings.read((MemorySegment) lib.getError.invokeExact(handle));
        } catch (Throwable t) {
            return "openslide_get_error failed: " + t;
        }
    }

    private static void closeQuietly(OpenSlideLibrary lib, MemorySegment handle) {
        try {
            lib.close.invokeExact(handle);
        } catch (Throwable ignored) {
            // Nothing useful can be done if the library fails to free its own handle.
        }
    }
}
