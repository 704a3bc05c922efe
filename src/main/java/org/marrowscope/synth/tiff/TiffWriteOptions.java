package org.marrowscope.synth.tiff;

import java.util.Objects;

/**
 * How {@link PyramidalTiffWriter} lays out and compresses a slide.
 *
 * @param tileSize tile edge in pixels, a multiple of 16 so that JPEG MCUs never straddle tiles
 * @param compression tile compression
 * @param jpegQuality JPEG quality in (0, 1], ignored for DEFLATE
 * @param micronsPerPixel level-0 pixel size, written as XResolution/YResolution in pixels per cm
 * @param objectivePower scanner-equivalent objective magnification, stated in ImageDescription
 * @param description free text at the start of ImageDescription (must not start with "Aperio",
 *     which would make OpenSlide try the Aperio reader)
 * @param threads workers that render and compress tiles
 * @param format classic TIFF, BigTIFF, or AUTO: classic unless the finished file would be larger
 *     than {@link #AUTO_BIGTIFF_THRESHOLD_BYTES}, decided on the real size once the tiles are
 *     written (the header slot is reserved at BigTIFF's size, so no tile moves)
 * @param minLevelSize no reduced level is added whose long side would be under this many pixels
 *     (DEFLATE slides may stop earlier, see {@link PyramidalTiffWriter})
 */
public record TiffWriteOptions(
        int tileSize,
        Compression compression,
        float jpegQuality,
        double micronsPerPixel,
        double objectivePower,
        String description,
        int threads,
        Format format,
        int minLevelSize) {

    public enum Compression { JPEG, DEFLATE }

    public enum Format { AUTO, CLASSIC, BIG }

    /**
     * AUTO switches to BigTIFF above this file size. Classic TIFF offsets reach 4 GiB, but some
     * readers treat them as signed or add headroom, so the switch happens well before that.
     */
    public static final long AUTO_BIGTIFF_THRESHOLD_BYTES = 3_500_000_000L;

    public TiffWriteOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(format, "format");
        if (tileSize < 16 || tileSize > 4096 || tileSize % 16 != 0) {
            throw new IllegalArgumentException("tile size must be a multiple of 16 in [16, 4096]: " + tileSize);
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1]: " + jpegQuality);
        }
        if (!(micronsPerPixel > 0) || Double.isInfinite(micronsPerPixel)) {
            throw new IllegalArgumentException("microns per pixel must be positive: " + micronsPerPixel);
        }
        if (!(objectivePower > 0) || Double.isInfinite(objectivePower)) {
            throw new IllegalArgumentException("objective power must be positive: " + objectivePower);
        }
        if (description.startsWith("Aperio")) {
            throw new IllegalArgumentException("description must not start with \"Aperio\"");
        }
        if (!description.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\t')) {
            throw new IllegalArgumentException("description must be printable ASCII (TIFF ASCII tag)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (minLevelSize < 1) {
            throw new IllegalArgumentException("minimum level size must be positive: " + minLevelSize);
        }
    }

    public static TiffWriteOptions defaults() {
        return new TiffWriteOptions(256, Compression.JPEG, 0.90f, 0.25, 40,
                "MarrowScope synthetic bone marrow aspirate",
                Runtime.getRuntime().availableProcessors(), Format.AUTO, 512);
    }

    public TiffWriteOptions withTileSize(int value) {
        return new TiffWriteOptions(value, compression, jpegQuality, micronsPerPixel, objectivePower,
                description, threads, format, minLevelSize);
    }

    public TiffWriteOptions withCompression(Compression value) {
        return new TiffWriteOptions(tileSize, value, jpegQuality, micronsPerPixel, objectivePower,
                description, threads, format, minLevelSize);
    }

    public TiffWriteOptions withJpegQuality(float value) {
        return new TiffWriteOptions(tileSize, compression, value, micronsPerPixel, objectivePower,
                description, threads, format, minLevelSize);
    }

    public TiffWriteOptions withMicronsPerPixel(double value) {
        return new TiffWriteOptions(tileSize, compression, jpegQuality, value, objectivePower,
                description, threads, format, minLevelSize);
    }

    public TiffWriteOptions withObjectivePower(double value) {
        return new TiffWriteOptions(tileSize, compression, jpegQuality, micronsPerPixel, value,
                description, threads, format, minLevelSize);
    }

    public TiffWriteOptions withDescription(String value) {
        return new TiffWriteOptions(tileSize, compression, jpegQuality, micronsPerPixel, objectivePower,
                value, threads, format, minLevelSize);
    }

    public TiffWriteOptions withThreads(int value) {
        return new TiffWriteOptions(tileSize, compression, jpegQuality, micronsPerPixel, objectivePower,
                description, value, format, minLevelSize);
    }

    public TiffWriteOptions withFormat(Format value) {
        return new TiffWriteOptions(tileSize, compression, jpegQuality, micronsPerPixel, objectivePower,
                description, threads, value, minLevelSize);
    }

    public TiffWriteOptions withMinLevelSize(int value) {
        return new TiffWriteOptions(tileSize, compression, jpegQuality, micronsPerPixel, objectivePower,
                description, threads, format, value);
    }

    /**
     * The ImageDescription of level 0: the free text, then Aperio-style {@code key = value} fields
     * after '|' so that tools which know that convention find the magnification and pixel size
     * (OpenSlide's generic-tiff reader reports neither on its own).
     */
    String imageDescription() {
        return description + "|AppMag = " + formatNumber(objectivePower) + "|MPP = " + formatNumber(micronsPerPixel);
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
