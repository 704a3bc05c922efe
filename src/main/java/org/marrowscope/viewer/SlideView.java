package org.marrowscope.viewer;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.marrowscope.slide.Slide;

/**
 * The deep-zoom view: paints the pyramid level that suits the zoom from a memory-bounded tile cache, asks a
 * background loader for the tiles it lacks, and meanwhile paints the next coarser levels (then the thumbnail)
 * in their place. Nothing here reads the slide on the FX thread.
 */
public final class SlideView extends Region {

    /** Screen pixels per scan pixel at the deepest zoom: enough to look at a nucleus pixel by pixel. */
    public static final double MAX_SCALE = 4.0;
    /** Viewer tile edge in level pixels. */
    public static final int TILE_SIZE = 512;

    private static final Color BACKDROP = Color.rgb(236, 237, 240);

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<ViewTransform> transform = new SimpleObjectProperty<>(this, "transform");
    private final ReadOnlyObjectWrapper<Point2D> pointer = new ReadOnlyObjectWrapper<>(this, "pointer");
    private final ObservableList<Overlay> overlays = FXCollections.observableArrayList();
    private final AtomicBoolean paintScheduled = new AtomicBoolean();
    private final ViewAnimator animator = new ViewAnimator(transform);
    private final ViewGestures gestures;

    private Slide slide;
    private Pyramid pyramid;
    private Image thumbnail;
    private TileCache<Image> cache;
    private TileLoader<Image> loader;
    private boolean fitPending;
    private PaintListener paintListener = (nanos, complete) -> { };
    private BiConsumer<TileKey, Exception> tileErrors = (k, e) -> { };

    public SlideView() {
        getChildren().add(canvas);
        getStyleClass().add("slide-view");
        setFocusTraversable(true);
        setMinSize(100, 100);
        transform.addListener((obs, old, now) -> requestPaint());
        overlays.addListener((ListChangeListener<Overlay>) change -> {
            while (change.next()) {
                for (Overlay o : change.getAddedSubList()) {
                    o.visibleProperty().addListener((obs, a, b) -> requestPaint());
                    o.opacityProperty().addListener((obs, a, b) -> requestPaint());
                }
            }
            requestPaint();
        });
        gestures = ViewGestures.install(this, canvas);
    }

    /**
     * Shows a slide, fitted to the view. The caller opened the slide and read the thumbnail off the FX thread;
     * the view owns neither (closing the slide is the caller's, after {@link #clear()}).
     *
     * @param cacheBytes tile cache capacity
     * @param loaderThreads tile reading threads
     */
    public void show(Slide value, Image thumb, long cacheBytes, int loaderThreads) {
        clear();
        slide = value;
        pyramid = Pyramid.of(value, TILE_SIZE);
        thumbnail = thumb;
        cache = new TileCache<>(cacheBytes, FxImages::weight);
        Slide reading = value;
        loader = new TileLoader<>(key -> {
            Pyramid.TileBounds b = pyramid.bounds(key);
            return FxImages.toFx(reading.readRegion(key.level(), b.x(), b.y(), (int) b.levelWidth(), (int) b.levelHeight()));
        }, cache, loaderThreads, new TileLoader.Listener() {
            @Override
            public void loaded(TileKey key) {
                requestPaint();
            }

            @Override
            public void failed(TileKey key, Exception error) {
                Platform.runLater(() -> tileErrors.accept(key, error));
            }
        });
        fitPending = true;
        if (getWidth() > 0 && getHeight() > 0) {
            fitNow();
        }
        requestLayout();
        requestPaint();
    }

    /** Stops loading and forgets the slide (waits for the reads in flight, so the slide can then be closed). */
    public void clear() {
        animator.stop();
        if (loader != null) {
            loader.close();
        }
        loader = null;
        cache = null;
        slide = null;
        pyramid = null;
        thumbnail = null;
        transform.set(null);
        requestPaint();
    }

    public Slide slide() {
        return slide;
    }

    public Pyramid pyramid() {
        return pyramid;
    }

    public TileCache<Image> cache() {
        return cache;
    }

    public TileLoader<Image> loader() {
        return loader;
    }

    public Image thumbnail() {
        return thumbnail;
    }

    public ObjectProperty<ViewTransform> transformProperty() {
        return transform;
    }

    public ViewTransform transform() {
        return transform.get();
    }

    /** The level-0 point under the mouse, null when the mouse is outside the view. */
    public ReadOnlyObjectProperty<Point2D> pointerProperty() {
        return pointer.getReadOnlyProperty();
    }

    public ObservableList<Overlay> overlays() {
        return overlays;
    }

    /** Told after each paint (for the benchmark). */
    @FunctionalInterface
    public interface PaintListener {
        /**
         * @param nanos how long the paint took on the FX thread
         * @param complete whether every tile of the view's level was there
         */
        void painted(long nanos, boolean complete);
    }

    public void setPaintListener(PaintListener value) {
        paintListener = value;
    }

    /** Told on the FX thread when a tile cannot be read. */
    public void setTileErrors(BiConsumer<TileKey, Exception> value) {
        tileErrors = value;
    }

    public void setCacheCapacity(long bytes) {
        if (cache != null) {
            cache.setCapacity(bytes);
        }
    }

    /** True while an animated move is under way. */
    public boolean animating() {
        return animator.running();
    }

    /** The smallest scale: half the fitted size, so the whole slide can be seen with room around it. */
    public double minScale() {
        ViewTransform t = transform.get();
        return t == null ? 1e-6 : 0.5 * ViewTransform.fitScale(slide.width(), slide.height(), t.viewWidth(), t.viewHeight());
    }

    public void fit() {
        if (slide != null && getWidth() > 0) {
            animateTo(ViewTransform.fit(slide.width(), slide.height(), getWidth(), getHeight()));
        }
    }

    /** Zooms about the view's centre, animated. */
    public void zoomBy(double factor) {
        ViewTransform t = target();
        if (t != null) {
            animateTo(t.zoomAt(factor, t.viewWidth() / 2, t.viewHeight() / 2, minScale(), MAX_SCALE));
        }
    }

    public void panBy(double screenDx, double screenDy) {
        ViewTransform t = transform.get();
        if (t != null) {
            animator.stop();
            transform.set(t.panBy(screenDx, screenDy).clampedTo(slide.width(), slide.height()));
        }
    }

    /** Centres the view on a level-0 point, animated; {@code scale} <= 0 keeps the zoom. */
    public void centreOn(double x, double y, double scale) {
        ViewTransform t = target();
        if (t != null) {
            ViewTransform moved = t.centredOn(x, y);
            animateTo(scale > 0 ? moved.withScale(Math.clamp(scale, minScale(), MAX_SCALE)) : moved);
        }
    }

    /** Sets the transform at once (no animation), clamped to the slide. */
    public void setTransform(ViewTransform value) {
        animator.stop();
        transform.set(value.clampedTo(slide.width(), slide.height()));
    }

    /** Where the view is going: the animation's goal, else where it is. */
    ViewTransform target() {
        return animator.target();
    }

    void animateTo(ViewTransform goal) {
        animator.start(goal.clampedTo(slide.width(), slide.height()));
    }

    /** Keyboard navigation: arrows pan, + and - zoom, 0 fits. Returns true when the key was used. */
    public boolean handleKey(KeyEvent e) {
        return gestures.handleKey(e);
    }

    /** Zooms about a screen point at once (wheel and pinch steps are small; animating them would lag). */
    void zoomNow(double factor, double screenX, double screenY) {
        ViewTransform t = transform.get();
        if (t != null) {
            animator.stop();
            transform.set(t.zoomAt(factor, screenX, screenY, minScale(), MAX_SCALE).clampedTo(slide.width(), slide.height()));
        }
    }

    /** The pointer is over this screen point. */
    void pointAt(double screenX, double screenY) {
        ViewTransform t = transform.get();
        pointer.set(t == null ? null : new Point2D(t.toSlideX(screenX), t.toSlideY(screenY)));
    }

    /** The pointer left the view. */
    void pointAway() {
        pointer.set(null);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            ViewTransform t = transform.get();
            if (t != null) {
                transform.set(t.withViewSize(w, h));
                animator.resize(w, h);
            }
        }
        if (fitPending && slide != null && w > 0 && h > 0) {
            fitNow();
        }
        requestPaint();
    }

    private void fitNow() {
        fitPending = false;
        transform.set(ViewTransform.fit(slide.width(), slide.height(), getWidth(), getHeight()));
    }

    /** Schedules one paint on the FX thread; callable from any thread, many calls make one paint. */
    public void requestPaint() {
        if (paintScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::paintNow);
        }
    }

    /** Paints now (FX thread); returns whether every tile of the view's level was there. */
    public boolean paintNow() {
        paintScheduled.set(false);
        long start = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(BACKDROP);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        ViewTransform t = transform.get();
        if (slide == null || t == null || t.viewWidth() <= 0 || t.viewHeight() <= 0) {
            return false;
        }
        boolean complete = paintTiles(g, t);
        for (Overlay overlay : overlays) {
            overlay.paintIfShown(g, t);
        }
        paintListener.painted(System.nanoTime() - start, complete);
        return complete;
    }

    private boolean paintTiles(GraphicsContext g, ViewTransform t) {
        double x0 = t.toScreenX(0);
        double y0 = t.toScreenY(0);
        double sw = slide.width() * t.scale();
        double sh = slide.height() * t.scale();
        g.setFill(Color.WHITE);
        g.fillRect(x0, y0, sw, sh);
        g.setImageSmoothing(t.scale() < 2);
        int level = pyramid.levelFor(t.scale());
        List<TileKey> wanted = pyramid.visibleTiles(t, level);
        boolean complete = true;
        for (TileKey key : wanted) {
            if (!cache.contains(key)) {
                complete = false;
                break;
            }
        }
        if (!complete) {
            if (thumbnail != null) {
                g.drawImage(thumbnail, x0, y0, sw, sh);
            }
            // The next coarser levels stand in while the level's own tiles arrive (two levels are enough to
            // cover a zoom-in from anywhere; the thumbnail covers the rest).
            for (int coarse = Math.min(level + 2, pyramid.levels().size() - 1); coarse > level; coarse--) {
                for (TileKey key : pyramid.visibleTiles(t, coarse)) {
                    Image tile = cache.get(key);
                    if (tile != null) {
                        drawTile(g, t, key, tile);
                    }
                }
            }
        }
        for (TileKey key : wanted) {
            Image tile = cache.get(key);
            if (tile != null) {
                drawTile(g, t, key, tile);
            }
        }
        loader.request(wanted);
        g.setStroke(Color.rgb(0, 0, 0, 0.18));
        g.setLineWidth(1);
        g.strokeRect(Math.floor(x0) - 0.5, Math.floor(y0) - 0.5, Math.ceil(sw) + 1, Math.ceil(sh) + 1);
        return complete;
    }

    /** Tile edges are snapped to whole screen pixels so neighbours meet without seams. */
    private void drawTile(GraphicsContext g, ViewTransform t, TileKey key, Image tile) {
        Pyramid.TileBounds b = pyramid.bounds(key);
        double left = Math.floor(t.toScreenX(b.x()));
        double top = Math.floor(t.toScreenY(b.y()));
        double right = Math.floor(t.toScreenX(b.x() + b.width()));
        double bottom = Math.floor(t.toScreenY(b.y() + b.height()));
        g.drawImage(tile, left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }
}
