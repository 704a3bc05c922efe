package org.marrowscope.slide;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.marrowscope.slide.SlideException.Kind;

/**
 * A single microscope field (PNG, JPEG, TIFF, BMP from a camera on the microscope) seen as a one-level slide.
 *
 * <p>The whole picture is decoded once: camera fields are a few megapixels, so holding them is cheaper
 * than re-decoding per tile. Reads are copies, so concurrent readers never share a buffer.
 */
public final class PlainImageSlide implements Slide {

    /** Refuse pictures whose decoded RGB would not fit comfortably in the heap; those belong in a WSI format. */
    static final long MAX_PIXELS = 200_000_000L;

    private final Path path;
    private final BufferedImage image;
    private final String formatName;
    private final Map<String, String> properties;
    private final Optional<MicronsPerPixel> mpp;
    private volatile boolean closed;

    private PlainImageSlide(Path path, BufferedImage image, String formatName, Optional<MicronsPerPixel> mpp) {
        this.path = path;
        this.image = image;
        this.formatName = formatName;
        this.mpp = mpp;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("image.format", formatName);
        props.put("image.width", Integer.toString(image.getWidth()));
        props.put("image.height", Integer.toString(image.getHeight()));
        mpp.ifPresent(m -> {
            props.put("image.mpp-x", Double.toString(m.x()));
            props.put("image.mpp-y", Double.toString(m.y()));
        });
        this.properties = Collections.unmodifiableMap(props);
    }

    /** Decodes a picture file; UNRECOGNISED_FORMAT when no Java image reader takes it. */
    public static PlainImageSlide open(Path path) throws SlideException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                throw new SlideException(Kind.NOT_A_FILE, path, "Cannot read " + path + ".");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new SlideException(Kind.UNRECOGNISED_FORMAT, path, "Not a recognised image: " + path + ".");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new SlideException(Kind.TOO_LARGE, path, "The picture " + path + " has " + pixels
                            + " pixels; pictures this large must be converted to a tiled pyramidal format.");
                }
                DecodeMemory.check(path, reader, pixels);
                Optional<MicronsPerPixel> mpp = pixelSize(reader.getImageMetadata(0));
                BufferedImage decoded = reader.read(0);
                return new PlainImageSlide(path, toOpaqueRgb(decoded), reader.getFormatName().toLowerCase(java.util.Locale.ROOT), mpp);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new SlideException(Kind.BROKEN_FILE, path, "The picture " + path + " is damaged: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // The estimate is a lower bound (a codec may need scratch space); the decoded buffers are garbage now.
            throw new SlideException(Kind.TOO_LARGE, path, "Decoding the picture " + path + " ran out of memory (Java may"
                    + " use " + DecodeMemory.gib(Runtime.getRuntime().maxMemory()) + "); convert it to a tiled pyramidal"
                    + " format or give Java more memory (MARROWSCOPE_JAVA_OPTS=-Xmx8g)", null);
        }
    }

    /** Standard ImageIO metadata gives millimetres per pixel for PNG pHYs, TIFF resolution and JFIF density alike. */
    private static Optional<MicronsPerPixel> pixelSize(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return Optional.empty();
        }
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
        Optional<Double> x = millimetres(root, "HorizontalPixelSize");
        Optional<Double> y = millimetres(root, "VerticalPixelSize");
        if (x.isEmpty()) {
            return Optional.empty();
        }
        double um = x.get() * 1000;
        // Screen-resolution defaults (72/96 dpi) say nothing about a microscope; anything over 50 um/px is not a field.
        if (um > 50) {
            return Optional.empty();
        }
        return Optional.of(new MicronsPerPixel(um, y.orElse(x.get()) * 1000, "image resolution metadata"));
    }

    private static Optional<Double> millimetres(IIOMetadataNode root, String name) {
        var nodes = root.getElementsByTagName(name);
        if (nodes.getLength() == 0) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
            return v > 0 && Double.isFinite(v) ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Transparent pixels become white, as OpenSlide slides do outside the scanned area. */
    private static BufferedImage toOpaqueRgb(BufferedImage source) {
        if (source.getType() == BufferedImage.TYPE_INT_RGB) {
            return source;
        }
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return "image/" + formatName;
    }

    @Override
    public List<SlideLevel> levels() {
        return List.of(new SlideLevel(0, image.getWidth(), image.getHeight(), 1.0));
    }

    @Override
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public Optional<MicronsPerPixel> micronsPerPixel() {
        return mpp;
    }

    @Override
    public Optional<Double> objectivePower() {
        return Optional.empty();
    }

    @Override
    public List<AssociatedImage> associatedImages() {
        return List.of();
    }

    @Override
    public BufferedImage readAssociatedImage(String name) throws SlideException {
        throw new SlideException(Kind.INVALID_REQUEST, path, "A plain picture has no associated image '" + name + "'.");
    }

    @Override
    public BufferedImage readRegion(int level, long x, long y, int width, int height) throws SlideException {
        if (closed) {
            throw new SlideException(Kind.CLOSED, path, "The slide " + path.getFileName() + " has been closed.");
        }
        if (level != 0) {
            throw new SlideException(Kind.INVALID_REQUEST, path, "Level " + level + " does not exist: a picture has one level.");
        }
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new SlideException(Kind.INVALID_REQUEST, path, "Cannot read a region of " + width + "x" + height + " pixels.");
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(dst, 0xFFFFFF);
        int iw = image.getWidth();
        long x0 = Math.max(x, 0);
        long x1 = Math.min(x + width, iw);
        for (int j = 0; j < height && x1 > x0; j++) {
            long sy = y + j;
            if (sy >= 0 && sy < image.getHeight()) {
                System.arraycopy(src, (int) (sy * iw + x0), dst, (int) (j * (long) width + (x0 - x)), (int) (x1 - x0));
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }
}
