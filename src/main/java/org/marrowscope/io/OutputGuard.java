package org.marrowscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Inputs are sacred: every path a command is about to write is checked, before any work, against every input,
 * every other output of the same run, and what already lies there. A file is only ever replaced when it is
 * recognisably an earlier output of the same kind (a result replaces a result, a PDF a PDF), or with
 * {@code --overwrite}; slides are never replaced. Folders are probed for writing up front so that a read-only
 * folder is reported before an hour of classification, not after.
 */
public final class OutputGuard {

    /** What a command writes, and how an earlier file of the same kind starts (its magic). */
    public enum Kind {
        RESULT("result", "{"),
        GEOJSON("GeoJSON", "{"),
        CSV("CSV table", "slide,"),
        PDF("PDF report", "%PDF-");

        private final String label;
        private final String magic;

        Kind(String label, String magic) {
            this.label = label;
            this.magic = magic;
        }
    }

    /** File name extensions of slides and pictures: such a file is never replaced, even with --overwrite. */
    public static final Set<String> SLIDE_EXTENSIONS = Set.of("svs", "tif", "tiff", "ndpi", "vms", "vmu", "mrxs",
            "scn", "bif", "svslide", "png", "jpg", "jpeg", "bmp", "dcm", "czi");

    private final List<Path> inputs = new ArrayList<>();
    private final Map<Path, String> claimed = new LinkedHashMap<>();
    private final boolean overwrite;

    /** @param overwrite whether a file that is not an earlier output of the same kind may be replaced */
    public OutputGuard(boolean overwrite) {
        this.overwrite = overwrite;
    }

    /** Declares a file the command reads; no output may land on it. */
    public OutputGuard input(Path file) {
        if (file != null) {
            inputs.add(file.toAbsolutePath().normalize());
        }
        return this;
    }

    /**
     * Checks one output before any work.
     *
     * @param what how the user named it, e.g. "--csv summary.csv" or "the result of a.tiff"
     * @throws OutputConflictException when writing it would replace an input, another output, a slide, a folder,
     *     or a file that is not an earlier output of this kind
     */
    public void check(Path output, Kind kind, String what) throws OutputConflictException {
        Path target = output.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new OutputConflictException(what + " is a folder, not a file: " + target);
        }
        for (Path in : inputs) {
            if (same(target, in)) {
                throw new OutputConflictException(what + " is " + in + ", which this command reads: refusing to overwrite"
                        + " an input; choose another output file");
            }
        }
        for (Map.Entry<Path, String> e : claimed.entrySet()) {
            if (same(target, e.getKey())) {
                throw new OutputConflictException(what + " and " + e.getValue() + " are the same file " + target
                        + ": one would overwrite the other");
            }
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (isSlideName(target)) {
                throw new OutputConflictException(what + " would replace " + target + ", which looks like a slide:"
                        + " MarrowScope never replaces slides; choose another output file");
            }
            if (!overwrite && !startsWith(target, kind.magic)) {
                throw new OutputConflictException(what + " would replace " + target + ", which exists and is not a"
                        + " MarrowScope " + kind.label + ": refusing to replace it (pass --overwrite to allow it)");
            }
        }
        claimed.put(target, what);
    }

    /**
     * Makes sure a folder exists and a file can be created in it, by creating and deleting a probe, and removes
     * part files that a killed run left there.
     *
     * @param what how the user named the folder, for the message
     * @throws IOException naming the folder and why it cannot be written
     */
    public static void requireWritableFolder(Path folder, String what) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OutputConflictException(what + " " + dir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
            Path probe = AtomicFiles.newPartFile(dir.resolve("write-probe"));
            Files.delete(probe);
        } catch (FileAlreadyExistsException e) {
            throw new OutputConflictException(what + " " + dir + ": " + e.getFile() + " is a file, not a folder");
        } catch (AccessDeniedException e) {
            throw new IOException("Cannot write in " + what + " " + dir + ": permission denied (" + e.getFile()
                    + "); choose another folder", e);
        } catch (IOException e) {
            throw new IOException("Cannot write in " + what + " " + dir + ": " + reason(e), e);
        }
        PartFiles.removeAbandoned(dir);
    }

    /** The file system's reason in words, without the exception's class name. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "it cannot be created (" + n.getFile() + " does not exist and cannot be made here)";
        }
        if (e instanceof java.nio.file.FileSystemException f) {
            return (f.getReason() != null ? f.getReason() : "cannot be written") + " (" + f.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    /** True when the name ends in a slide or picture extension. */
    public static boolean isSlideName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && SLIDE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean same(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            // Links and different spellings of one file: ask the file system when both exist.
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean startsWith(Path file, String magic) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(expected.length + 3);
            int skip = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                    ? 3 : 0;
            return head.length - skip >= expected.length
                    && Arrays.equals(head, skip, skip + expected.length, expected, 0, expected.length);
        } catch (IOException e) {
            return false;
        }
    }
}
