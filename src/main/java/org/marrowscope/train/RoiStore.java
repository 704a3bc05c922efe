package org.marrowscope.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.train.TileSource.SlideTile;

/**
 * The tiles chosen to represent each training slide, saved in the work folder: stage 1 over dozens of slides
 * takes minutes, and a restarted training must not choose (or pay for) them again. An entry is reused only
 * when the slide file, the quality model, the mode and the seed are the same.
 */
final class RoiStore {

    /**
     * A slide's saved choice.
     *
     * @param outcome how they were chosen (e.g. HIGH_QUALITY, FALLBACK_THRESHOLD, NOT_CLASSIFIABLE, RANDOM)
     * @param tiles the chosen tiles
     */
    record Entry(String outcome, List<SlideTile> tiles) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path folder;

    RoiStore(Path folder) {
        this.folder = folder;
    }

    /** The saved entry for this slide and choice, or null. */
    Entry find(Path slide, String choice) throws IOException {
        Path file = file(slide);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<?, ?> saved = JSON.readValue(file.toFile(), Map.class);
        if (!key(slide, choice).equals(saved.get("key"))) {
            return null;
        }
        List<SlideTile> tiles = new ArrayList<>();
        for (Object o : (List<?>) saved.get("tiles")) {
            List<?> t = (List<?>) o;
            tiles.add(new SlideTile(slide, ((Number) t.get(0)).longValue(), ((Number) t.get(1)).longValue(),
                    ((Number) t.get(2)).longValue()));
        }
        return new Entry((String) saved.get("outcome"), tiles);
    }

    void save(Path slide, String choice, Entry entry) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", key(slide, choice));
        out.put("slide", slide.toString());
        out.put("choice", choice);
        out.put("outcome", entry.outcome());
        out.put("tiles", entry.tiles().stream().map(t -> List.of(t.x(), t.y(), t.size())).toList());
        Files.createDirectories(folder);
        AtomicFiles.write(file(slide), JSON.writeValueAsBytes(out));
    }

    private Path file(Path slide) {
        String name = slide.getFileName().toString();
        return folder.resolve(name + "-" + hash(slide.toString()).substring(0, 12) + ".json");
    }

    private static String key(Path slide, String choice) throws IOException {
        return hash(slide + "|" + Files.size(slide) + "|" + Files.getLastModifiedTime(slide).toMillis() + "|" + choice);
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
