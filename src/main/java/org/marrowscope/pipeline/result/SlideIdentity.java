package org.marrowscope.pipeline.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.marrowscope.slide.Slide;

/**
 * Which slide a result belongs to: byte size, dimensions, a hash of its properties and a hash of a few sampled
 * tiles on every level ({@link SlidePixels}). Hashing gigabytes of pixels to reopen a result would defeat
 * "reopen instantly"; the properties carry the scanner's own identifiers and the sampled tiles catch pixels
 * changed in place, which a size and property check alone misses.
 *
 * @param path the slide's file name only: results are shared and moved, and an absolute path tells a reader
 *     whose folder (often a patient's or a case's name) the slide sat in
 * @param pixelsSha256 see {@link SlidePixels}; null in results written before it existed (never reused)
 */
public record SlideIdentity(String path, String fileName, long sizeBytes, String format, long width, long height,
        String propertiesSha256, String pixelsSha256) {

    public static SlideIdentity of(Slide slide) throws IOException, org.marrowscope.slide.SlideException {
        String name = slide.path().getFileName().toString();
        return new SlideIdentity(name, name, Files.size(slide.path()), slide.format(), slide.width(), slide.height(),
                propertiesHash(slide.properties()), SlidePixels.sha256(slide));
    }

    static String propertiesHash(Map<String, String> properties) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(String.valueOf(e.getValue()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Same slide file: path may differ (moved folder), content markers may not. */
    public boolean sameSlideAs(SlideIdentity other) {
        return sizeBytes == other.sizeBytes && width == other.width && height == other.height
                && java.util.Objects.equals(propertiesSha256, other.propertiesSha256) && pixelsSha256 != null
                && pixelsSha256.equals(other.pixelsSha256);
    }
}
