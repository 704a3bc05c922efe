package org.marrowscope.pipeline.result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short name for a slide file's content, so that results in a shared folder are named by the slide they belong
 * to, not by its file name: two scans called {@code slide-1.svs} in different folders get two results. It hashes
 * the size and the first and last 64 KiB (headers, directory and a few tiles), which sets different scans apart
 * at the cost of two small reads; the pixel identity in {@link SlideIdentity} decides reuse.
 */
public final class SlideFingerprint {

    static final int EDGE = 64 * 1024;

    private SlideFingerprint() {
    }

    /** 12 lowercase hex digits; "unreadable" when the file cannot be read (the slide will fail to open anyway). */
    public static String of(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = ch.size();
            sha.update(Long.toString(size).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            update(sha, ch, 0, Math.min(EDGE, size));
            update(sha, ch, Math.max(0, size - EDGE), Math.min(EDGE, size));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException | RuntimeException e) {
            return Files.isDirectory(file) ? "folder" : "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest sha, FileChannel ch, long from, long length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, from + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        sha.update(buf);
    }
}
