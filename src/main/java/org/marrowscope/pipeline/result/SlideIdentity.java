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
 * Which slide a result belongs to: path, byte size and a hash of its properties. Hashing gigabytes of
 * pixels to reopen a result would defeat "reopen instantly"; the properties carry the scanner's own
 * identifiers (and a re-scan changes the size), which is what telling slides apart needs.
 */
public record SlideIdentity(String path, String fileName, long sizeBytes, String format, long width, long height,
        String propertiesSha256) {

    public static SlideIdentity of(Slide slide) throws IOException {
        return new SlideIdentity(slide.path().toAbsolutePath().toString(), slide.path().getFileName().toString(),
                Files.size(slide.path()), slide.format(), slide.width(), slide.height(), propertiesHash(slide.properties()));
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
                && propertiesSha256.equals(other.propertiesSha256);
    }
}
