package org.marrowscope.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.marrowscope.io.AtomicFiles;
import org.marrowscope.model.ModelManifest.Resampling;
import org.marrowscope.pipeline.CancellationToken;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.SlideException;
import org.marrowscope.slide.Slides;
import org.marrowscope.train.TileSource.ImageTile;
import org.marrowscope.train.TileSource.SlideTile;

/**
 * Training tiles rendered once into one file ({@code NAME-KEY.tiles}, fixed-size RGB pictures back to back) so
 * that every epoch reads pictures instead of decoding slides. The key covers the sources (and their files' sizes
 * and dates), labels, layout and resampling: opening the same tiles again reuses the file, which makes an
 * interrupted training restartable without re-reading slides and lets two models trained on the same tiles share
 * it. A file appears only when complete ({@code NAME-KEY.json} beside it). Reads are thread-safe.
 */
final class TileCache implements AutoCloseable {

    /** Progress of a build: pictures rendered so far, of the total. */
    @FunctionalInterface
    interface Listener {
        Listener NONE = (done, total) -> { };

        void rendered(int done, int total);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final CacheLayout layout;
    private final int[] labels;
    private final FileChannel channel;

    private TileCache(Path file, CacheLayout layout, int[] labels) throws IOException {
        this.file = file;
        this.layout = layout;
        this.labels = labels;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * Opens the cache {@code dir/name} for these tiles if it was built from them, else renders it.
     *
     * @param labels the class index of each source (stored with the pictures)
     * @param threads tiles rendered in parallel
     */
    static TileCache open(Path dir, String name, List<TileSource> sources, int[] labels, CacheLayout layout,
            Resampling resampling, int threads, Listener listener, CancellationToken cancel)
            throws IOException, SlideException {
        if (sources.size() != labels.length) {
            throw new IllegalArgumentException(sources.size() + " tiles but " + labels.length + " labels");
        }
        Files.createDirectories(dir);
        String key = key(sources, labels, layout, resampling);
        // Named by content, so trainings on the same tiles share one cache and different tiles never collide.
        String file = name + "-" + key.substring(0, 16);
        Path data = dir.resolve(file + ".tiles");
        Path index = dir.resolve(file + ".json");
        if (Files.isRegularFile(index) && Files.isRegularFile(data)) {
            Map<?, ?> saved = JSON.readValue(index.toFile(), Map.class);
            if (key.equals(saved.get("key")) && Files.size(data) == (long) sources.size() * layout.tileBytes()) {
                listener.rendered(sources.size(), sources.size());
                return new TileCache(data, layout, labels.clone());
            }
        }
        Files.deleteIfExists(index);
        Path partial = dir.resolve(file + ".tiles.partial");
        render(partial, sources, layout, resampling, threads, listener, cancel);
        Files.move(partial, data, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("key", key);
        meta.put("tiles", sources.size());
        meta.put("side", layout.side());
        meta.put("core", layout.core());
        AtomicFiles.write(index, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta));
        return new TileCache(data, layout, labels.clone());
    }

    private static void render(Path partial, List<TileSource> sources, CacheLayout layout, Resampling resampling,
            int threads, Listener listener, CancellationToken cancel) throws IOException, SlideException {
        TileImages images = new TileImages(layout, resampling);
        // Tiles of one slide are rendered together, so each slide is opened once.
        Map<Path, List<Integer>> bySlide = new LinkedHashMap<>();
        List<Integer> pictures = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) instanceof SlideTile t) {
                bySlide.computeIfAbsent(t.slide(), k -> new ArrayList<>()).add(i);
            } else {
                pictures.add(i);
            }
        }
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "marrowscope-tile-cache");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Map.Entry<Path, List<Integer>> e : bySlide.entrySet()) {
                try (Slide slide = Slides.open(e.getKey())) {
                    List<Future<?>> jobs = new ArrayList<>();
                    for (int i : e.getValue()) {
                        jobs.add(pool.submit(() -> {
                            cancel.throwIfCancelled();
                            write(out, i, layout, images.render(slide, (SlideTile) sources.get(i)));
                            listener.rendered(done.incrementAndGet(), sources.size());
                            return null;
                        }));
                    }
                    await(jobs);
                }
            }
            List<Future<?>> jobs = new ArrayList<>();
            for (int i : pictures) {
                jobs.add(pool.submit(() -> {
                    cancel.throwIfCancelled();
                    write(out, i, layout, images.render(((ImageTile) sources.get(i)).file()));
                    listener.rendered(done.incrementAndGet(), sources.size());
                    return null;
                }));
            }
            await(jobs);
            out.force(false);
        } catch (IOException | SlideException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void write(FileChannel out, int index, CacheLayout layout, byte[] rgb) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(rgb);
        long position = (long) index * layout.tileBytes();
        while (buffer.hasRemaining()) {
            position += out.write(buffer, position);
        }
    }

    /** Waits for every job; the first failure is rethrown as itself (slide, I/O or cancellation). */
    private static void await(List<Future<?>> jobs) throws IOException, SlideException {
        Throwable failure = null;
        for (Future<?> f : jobs) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? new java.util.concurrent.CancellationException("interrupted") : failure;
            }
        }
        switch (failure) {
            case null -> { }
            case IOException io -> throw io;
            case SlideException se -> throw se;
            case RuntimeException re -> throw re;
            default -> throw new IllegalStateException(failure);
        }
    }

    private static String key(List<TileSource> sources, int[] labels, CacheLayout layout, Resampling resampling)
            throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((layout + "|" + resampling + "|").getBytes(StandardCharsets.UTF_8));
            java.util.Set<Path> files = new java.util.LinkedHashSet<>();
            for (int i = 0; i < sources.size(); i++) {
                TileSource s = sources.get(i);
                files.add(s instanceof SlideTile t ? t.slide() : ((ImageTile) s).file());
                sha.update((s + "|" + labels[i] + "\n").getBytes(StandardCharsets.UTF_8));
            }
            // A slide or picture rewritten under the same name must not reuse the old pixels.
            for (Path f : files) {
                sha.update((f + "|" + Files.size(f) + "|" + Files.getLastModifiedTime(f).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    int size() {
        return labels.length;
    }

    int label(int index) {
        return labels[index];
    }

    CacheLayout layout() {
        return layout;
    }

    /** The stored picture of tile {@code index}: side x side RGB bytes, row-major. */
    byte[] read(int index) throws IOException {
        byte[] rgb = new byte[layout.tileBytes()];
        ByteBuffer buffer = ByteBuffer.wrap(rgb);
        long position = (long) index * layout.tileBytes();
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException(file + " is shorter than its index says (tile " + index + ")");
            }
        }
        return rgb;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
