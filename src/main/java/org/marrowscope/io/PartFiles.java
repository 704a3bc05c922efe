package org.marrowscope.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Hidden part files ({@code .NAME.HEX.part}, see {@link AtomicFiles#newPartFile}) that a killed run left behind.
 * A live writer touches its part file at least every few seconds, or writes it in one go; one untouched for
 * {@link #ABANDONED_AFTER} belongs to a process that is gone, so the next run that writes into the folder
 * removes it.
 */
public final class PartFiles {

    /** How long a part file must be untouched to count as abandoned. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private static final Pattern PART = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.part");

    private PartFiles() {
    }

    /** Removes abandoned part files directly inside {@code folder}; returns how many. Never fails. */
    public static int removeAbandoned(Path folder) {
        int removed = 0;
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.part")) {
            for (Path f : files) {
                if (PART.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)
                        && Files.getLastModifiedTime(f).compareTo(cutoff) < 0 && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying up is a courtesy; it must never stop the run that writes here.
        }
        return removed;
    }
}
