package org.marrowscope.app.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.marrowscope.app.Thumbnails;
import org.marrowscope.slide.Slide;
import org.marrowscope.slide.Slides;
import org.marrowscope.viewer.FxImages;
import org.marrowscope.viewer.Pyramid;
import org.marrowscope.viewer.SlideView;
import org.marrowscope.viewer.ViewTransform;

/**
 * The viewer under load: paint time per frame along a scripted pan-and-zoom path with a cold and a warm tile
 * cache, against the baseline of a viewer that reads each frame's region synchronously (what blocking the FX
 * thread on I/O would cost); time from open to the first complete paint; heap and tile cache during minutes of
 * scripted navigation.
 */
public final class ViewBenchmark {

    /** Median and 95th percentile of a list of durations, in milliseconds. */
    public record Stats(double medianMs, double p95Ms, int count) {
        static Stats of(List<Double> ms) {
            List<Double> s = new ArrayList<>(ms);
            Collections.sort(s);
            if (s.isEmpty()) {
                return new Stats(Double.NaN, Double.NaN, 0);
            }
            return new Stats(s.get(s.size() / 2), s.get(Math.min(s.size() - 1, (int) Math.ceil(0.95 * s.size()) - 1)), s.size());
        }
    }

    /** Memory during the soak. */
    public record Sample(double minutes, long heapBytes, long cacheBytes, int cacheTiles, long tilesRead) {
    }

    /**
     * @param coldFrames frame intervals (pulse to pulse, rendering included) along the path, cache emptied first
     * @param warmFrames the same with the path's tiles cached
     * @param coldPaint FX-thread time of each paint call, cold
     * @param coldComplete per frame, time until every tile of the frame was painted, cold
     */
    public record Result(double openToFullPaintMs, Stats coldFrames, Stats warmFrames, Stats coldPaint, Stats coldComplete,
            Stats synchronousRead, List<Sample> soak, long cacheCapacity) {
    }

    private final Path slidePath;
    private final int viewWidth;
    private final int viewHeight;
    private final long cacheBytes;
    private Stage stage;
    private SlideView view;

    public ViewBenchmark(Path slidePath, int viewWidth, int viewHeight, long cacheBytes) {
        this.slidePath = slidePath;
        this.viewWidth = viewWidth;
        this.viewHeight = viewHeight;
        this.cacheBytes = cacheBytes;
    }

    /** Starts the JavaFX toolkit once per JVM. */
    static void startToolkit() throws InterruptedException {
        // Pulses as fast as frames can be made, so a frame's interval is its cost rather than the 60 Hz timer.
        System.setProperty("javafx.animation.fullspeed", "true");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }

    static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    public Result run(double soakMinutes, Consumer<String> log) throws Exception {
        startToolkit();
        fx(() -> {
            view = new SlideView();
            stage = new Stage();
            stage.setScene(new Scene(view, viewWidth, viewHeight));
            stage.show();
            return null;
        });
        try (Slide slide = Slides.open(slidePath)) {
            double open = openToFullPaint(slide);
            log.accept(String.format(java.util.Locale.ROOT, "open to first full paint: %.0f ms", open));
            List<ViewTransform> path = path(slide.width(), slide.height());
            emptyCache(slide);
            List<Double> coldFrames = animate(path);
            List<Double> warmFrames = animate(path);
            log.accept("frames timed along the path (" + path.size() + " frames, cold then warm)");
            emptyCache(slide);
            List<Double> coldPaint = new ArrayList<>();
            List<Double> coldComplete = new ArrayList<>();
            walk(path, coldPaint, coldComplete);
            log.accept("frame completion timed");
            List<Double> sync = synchronousReads(slide, path);
            List<Sample> soak = soak(soakMinutes, slide, log);
            return new Result(open, Stats.of(coldFrames), Stats.of(warmFrames), Stats.of(coldPaint), Stats.of(coldComplete),
                    Stats.of(sync), soak, cacheBytes);
        } finally {
            fx(() -> {
                view.clear();
                stage.close();
                return null;
            });
        }
    }

    private double openToFullPaint(Slide slide) throws Exception {
        CountDownLatch full = new CountDownLatch(1);
        AtomicLong fullAt = new AtomicLong();
        long t0 = System.nanoTime();
        try (Slide fresh = Slides.open(slidePath)) {
            BufferedImage thumb = Thumbnails.of(fresh, 1024);
            Image fxThumb = thumb == null ? null : FxImages.toFx(thumb);
            fx(() -> {
                view.setPaintListener((nanos, complete) -> {
                    if (complete && fullAt.compareAndSet(0, System.nanoTime())) {
                        full.countDown();
                    }
                });
                view.show(slide, fxThumb, cacheBytes, loaderThreads());
                return null;
            });
        }
        if (!full.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the first view never painted completely within 2 minutes");
        }
        fx(() -> {
            view.setPaintListener((n, c) -> { });
            return null;
        });
        return (fullAt.get() - t0) / 1e6;
    }

    static int loaderThreads() {
        return Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);
    }

    /** Zoom from the whole slide to the scan's resolution, pan across, zoom out and pan: a reading session's moves. */
    List<ViewTransform> path(long w, long h) {
        List<ViewTransform> frames = new ArrayList<>();
        ViewTransform t = ViewTransform.fit(w, h, viewWidth, viewHeight);
        double fx0 = w * 0.35;
        double fy0 = h * 0.4;
        double target = 1.0;
        int zoomFrames = 60;
        double step = Math.pow(target / t.scale(), 1.0 / zoomFrames);
        for (int i = 0; i < zoomFrames; i++) {
            t = t.zoomAt(step, t.toScreenX(fx0), t.toScreenY(fy0), 1e-6, 4).clampedTo(w, h);
            frames.add(t);
        }
        for (int i = 0; i < 120; i++) {
            t = t.panBy(-24, i % 40 < 20 ? -6 : 6).clampedTo(w, h);
            frames.add(t);
        }
        for (int i = 0; i < 40; i++) {
            t = t.zoomAt(1 / 1.05, viewWidth / 2.0, viewHeight / 2.0, 1e-6, 4).clampedTo(w, h);
            frames.add(t);
        }
        for (int i = 0; i < 80; i++) {
            t = t.panBy(20, 12).clampedTo(w, h);
            frames.add(t);
        }
        return frames;
    }

    /** Shows the slide again with a new, empty cache. */
    private void emptyCache(Slide slide) throws Exception {
        fx(() -> {
            Image thumb = view.thumbnail();
            view.show(slide, thumb, cacheBytes, loaderThreads());
            return null;
        });
        Thread.sleep(200);
    }

    /**
     * Plays the path one frame per pulse, as a pan or zoom gesture does, and times pulse-to-pulse intervals: each
     * is the paint, the rendering of the frame and whatever tile arrivals cost on the FX thread meanwhile.
     */
    private List<Double> animate(List<ViewTransform> path) throws Exception {
        List<Double> intervals = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        fx(() -> {
            new javafx.animation.AnimationTimer() {
                private int next;
                private long last;

                @Override
                public void handle(long now) {
                    if (next > 0) {
                        intervals.add((now - last) / 1e6);
                    }
                    last = now;
                    if (next == path.size()) {
                        stop();
                        done.countDown();
                        return;
                    }
                    view.setTransform(path.get(next++));
                    view.paintNow();
                }
            }.start();
            return null;
        });
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the animated path did not finish in 5 minutes");
        }
        return new ArrayList<>(intervals);
    }

    /** Sets each frame and paints it; with {@code complete} non-null, also waits for its tiles and times that. */
    private void walk(List<ViewTransform> path, List<Double> paint, List<Double> complete) throws Exception {
        for (ViewTransform t : path) {
            long start = System.nanoTime();
            double ms = fx(() -> {
                view.setTransform(t);
                long s = System.nanoTime();
                view.paintNow();
                return (System.nanoTime() - s) / 1e6;
            });
            paint.add(ms);
            if (complete != null) {
                boolean done = false;
                while (!done) {
                    Thread.sleep(2);
                    done = fx(() -> view.loader().idle() && view.paintNow());
                }
                complete.add((System.nanoTime() - start) / 1e6);
            }
        }
    }

    /** The baseline: the same frames read synchronously, one region per frame at the same level. */
    private List<Double> synchronousReads(Slide slide, List<ViewTransform> path) throws Exception {
        Pyramid pyramid = Pyramid.of(slide, SlideView.TILE_SIZE);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < path.size(); i += 5) {
            ViewTransform t = path.get(i);
            int level = pyramid.levelFor(t.scale());
            double ds = slide.level(level).downsample();
            ViewTransform.Rect r = t.visible();
            long x = Math.max(0, (long) r.x());
            long y = Math.max(0, (long) r.y());
            int w = (int) Math.max(1, Math.min(slide.width() - x, r.maxX() - x) / ds);
            int h = (int) Math.max(1, Math.min(slide.height() - y, r.maxY() - y) / ds);
            long s = System.nanoTime();
            BufferedImage region = slide.readRegion(level, x, y, w, h);
            FxImages.toFx(region);
            ms.add((System.nanoTime() - s) / 1e6);
        }
        return ms;
    }

    /** Random reading moves for {@code minutes}, sampling heap (after a GC) and cache every 15 seconds. */
    private List<Sample> soak(double minutes, Slide slide, Consumer<String> log) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextSample = start;
        long w = slide.width();
        long h = slide.height();
        while (System.nanoTime() < end) {
            double choice = random.nextDouble();
            double a = random.nextDouble();
            double b = random.nextDouble();
            fx(() -> {
                ViewTransform t = view.transform();
                ViewTransform next;
                if (choice < 0.6) {
                    next = t.panBy((a - 0.5) * 200, (b - 0.5) * 200);
                } else if (choice < 0.8) {
                    next = t.zoomAt(a < 0.5 ? 1.25 : 0.8, b * viewWidth, a * viewHeight, view.minScale(), SlideView.MAX_SCALE);
                } else if (choice < 0.97) {
                    next = t.withScale(t.scale());
                } else {
                    next = t.centredOn(a * w, b * h);
                }
                view.setTransform(next);
                view.paintNow();
                return null;
            });
            Thread.sleep(16);
            if (System.nanoTime() >= nextSample) {
                System.gc();
                Runtime rt = Runtime.getRuntime();
                Sample s = fx(() -> new Sample((System.nanoTime() - start) / 60e9, rt.totalMemory() - rt.freeMemory(),
                        view.cache().sizeBytes(), view.cache().count(), view.loader().reads()));
                samples.add(s);
                log.accept(String.format(java.util.Locale.ROOT, "  %5.2f min  heap %5d MB  cache %4d MB in %4d tiles  %6d tiles read",
                        s.minutes(), s.heapBytes() >> 20, s.cacheBytes() >> 20, s.cacheTiles(), s.tilesRead()));
                nextSample += 15_000_000_000L;
            }
        }
        return samples;
    }
}
