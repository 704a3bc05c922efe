package org.marrowscope.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.marrowscope.model.ModelBundle;
import org.marrowscope.model.ModelManifest;
import org.marrowscope.pipeline.BackgroundRule;
import org.marrowscope.pipeline.Tile;
import org.marrowscope.pipeline.TileGeometry;
import org.marrowscope.pipeline.TileReader;
import org.marrowscope.slide.Slide;
import org.marrowscope.viewer.FxImages;

/**
 * Tile review for stage 1's human-in-the-loop cycle: sampled tiles of the open slide, as the quality model
 * sees them, with the model's p(good); the expert marks each good (G) or poor (P), arrows move, and every mark
 * is saved at once in the CSV format the {@code train} command reads.
 */
final class TileReviewWindow {

    private static final int BATCH = 16;

    private final AppContext context;
    private final Slide slide;
    private final Path qualityModel;
    private final Stage stage = new Stage();
    private final ImageView tile = new ImageView();
    private final Label position = new Label("Sampling tiles…");
    private final Label score = new Label();
    private final Label mark = new Label();
    private final Label saved = new Label();
    private final Map<Integer, Float> scores = new ConcurrentHashMap<>();
    private final Map<String, ReviewLabels.Label> labels;
    private final Path file;
    private TileReader reader;
    private List<Tile> tiles = List.of();
    private int current;

    private TileReviewWindow(Window owner, AppContext context, Slide slide, Path qualityModel) throws IOException {
        this.context = context;
        this.slide = slide;
        this.qualityModel = qualityModel;
        this.file = ReviewLabels.defaultFile(context.paths(), slide.path());
        this.labels = new ConcurrentHashMap<>(ReviewLabels.read(file, slide.path()));
        stage.initOwner(owner);
        stage.setTitle("Tile review — " + slide.path().getFileName());
        stage.setScene(new Scene(layout(), 760, 760));
        stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        Icons.applyAppIcon(stage);
    }

    /** The review of {@code slide} with the models' quality model, or a dialog saying why it cannot start. */
    static void openFor(Window owner, AppContext context, ModelPanel models, Slide slide) {
        ModelPanel.Choice choice = models.choice();
        if (choice.selection().isEmpty()) {
            Dialogs.error(owner, "No quality model for the tile review", choice.problem());
            return;
        }
        try {
            open(owner, context, slide, choice.selection().get().quality());
        } catch (IOException e) {
            Dialogs.failure(owner, "Tile review cannot start", e);
        }
    }

    /** Opens the review window and starts sampling in the background. */
    static TileReviewWindow open(Window owner, AppContext context, Slide slide, Path qualityModel) throws IOException {
        TileReviewWindow w = new TileReviewWindow(owner, context, slide, qualityModel);
        w.stage.show();
        w.start();
        return w;
    }

    Stage stage() {
        return stage;
    }

    Path file() {
        return file;
    }

    private BorderPane layout() {
        Label help = new Label("Mark each tile as the quality model should learn it: G = good (usable for diagnosis),"
                + " P = poor (thick, sparse, fat, precipitate, blurred). ← → move. Every mark is saved at once.");
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        tile.setFitWidth(512);
        tile.setFitHeight(512);
        tile.setPreserveRatio(true);
        tile.setId("review-tile");
        StackPane picture = new StackPane(tile);
        picture.getStyleClass().add("roi-picture");
        picture.setMaxSize(512, 512);
        position.setId("review-position");
        score.setId("review-score");
        score.getStyleClass().add("section-title");
        mark.setId("review-mark");
        mark.getStyleClass().add("review-mark");
        Button prev = new Button("Previous", Icons.of("mdi2a-arrow-left"));
        prev.setOnAction(e -> move(-1));
        Button good = new Button("Good (G)", Icons.of("mdi2c-check-circle-outline"));
        good.setId("review-good");
        good.setOnAction(e -> label(ReviewLabels.Label.GOOD));
        Button poor = new Button("Poor (P)", Icons.of("mdi2c-close-circle-outline"));
        poor.setId("review-poor");
        poor.setOnAction(e -> label(ReviewLabels.Label.POOR));
        Button next = new Button("Next", Icons.of("mdi2a-arrow-right"));
        next.setOnAction(e -> move(1));
        for (Button b : List.of(prev, good, poor, next)) {
            b.setFocusTraversable(false);
        }
        HBox buttons = new HBox(10, prev, good, poor, next);
        buttons.setAlignment(Pos.CENTER);
        HBox status = new HBox(16, position, score, mark);
        status.setAlignment(Pos.CENTER);
        saved.getStyleClass().add("muted");
        saved.setText("Labels: " + file);
        VBox centre = new VBox(10, picture, status, buttons, saved);
        centre.setAlignment(Pos.CENTER);
        BorderPane root = new BorderPane(centre);
        root.setTop(help);
        BorderPane.setMargin(help, new Insets(10, 14, 6, 14));
        root.getStyleClass().add("review-window");
        return root;
    }

    private void start() {
        CompletableFuture.supplyAsync(() -> {
            try {
                ModelManifest m = ModelBundle.verify(qualityModel);
                double slideMpp = slide.micronsPerPixel().orElseThrow(() -> new IllegalArgumentException(
                        "This slide does not say its pixel size, so its tiles cannot be cut at the model's scale.")).mean();
                TileGeometry g = TileGeometry.forScale(512, 256, m.input().micronsPerPixel(), slideMpp);
                reader = new TileReader(slide, g, BackgroundRule.DEFAULT, null);
                return ReviewSampler.sample(reader, slide.width(), slide.height(), context.settings().get().reviewSampleSize(), 1);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, context.background()).whenComplete((sample, error) -> Platform.runLater(() -> {
            if (error != null) {
                position.setText("Tile review cannot start.");
                Dialogs.failure(stage, "Tile review cannot start", error);
                return;
            }
            tiles = sample;
            show(0);
            scoreFrom(0);
        }));
    }

    /** Scores the sample a batch at a time on the inference thread, so the first p(good) appear quickly. */
    private void scoreFrom(int from) {
        if (from >= tiles.size() || !stage.isShowing()) {
            return;
        }
        int to = Math.min(tiles.size(), from + BATCH);
        CompletableFuture.supplyAsync(() -> {
            List<BufferedImage> images = new ArrayList<>();
            try {
                for (Tile t : tiles.subList(from, to)) {
                    images.add(reader.read(t));
                }
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
            return images;
        }, context.background())
                .thenCompose(images -> context.inference().qualityScores(qualityModel, images, context.device()))
                .whenComplete((p, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        score.setText("p(good) unavailable: " + Dialogs.message(error));
                        return;
                    }
                    for (int i = 0; i < p.length; i++) {
                        scores.put(from + i, p[i]);
                    }
                    show(current);
                    scoreFrom(to);
                }));
    }

    private void show(int index) {
        if (tiles.isEmpty()) {
            position.setText("No tissue tiles on this slide.");
            return;
        }
        current = Math.clamp(index, 0, tiles.size() - 1);
        Tile t = tiles.get(current);
        long good = labels.values().stream().filter(l -> l == ReviewLabels.Label.GOOD).count();
        long poor = labels.values().stream().filter(l -> l == ReviewLabels.Label.POOR).count();
        position.setText(String.format(Locale.ROOT, "Tile %d of %d  ·  %d good, %d poor", current + 1, tiles.size(), good, poor));
        Float p = scores.get(current);
        score.setText(p == null ? "p(good) …" : String.format(Locale.ROOT, "p(good) = %.2f", p));
        ReviewLabels.Label l = labels.get(key(t));
        mark.setText(l == null ? "not labelled" : l.text);
        mark.getStyleClass().removeAll("good", "poor");
        if (l != null) {
            mark.getStyleClass().add(l.text);
        }
        int shown = current;
        context.background().submit(() -> {
            try {
                var fx = FxImages.toFx(reader.read(t));
                Platform.runLater(() -> {
                    if (current == shown) {
                        tile.setImage(fx);
                    }
                });
            } catch (Exception e) {
                Platform.runLater(() -> score.setText("The tile cannot be read: " + Dialogs.message(e)));
            }
        });
    }

    private static String key(Tile t) {
        return t.x() + "," + t.y() + "," + t.size();
    }

    private void move(int step) {
        if (!tiles.isEmpty()) {
            show(current + step);
        }
    }

    void label(ReviewLabels.Label value) {
        if (tiles.isEmpty()) {
            return;
        }
        labels.put(key(tiles.get(current)), value);
        List<ReviewLabels.Entry> entries = new ArrayList<>();
        for (Tile t : tiles) {
            ReviewLabels.Label l = labels.get(key(t));
            if (l != null) {
                entries.add(new ReviewLabels.Entry(t.x(), t.y(), t.size(), l));
            }
        }
        try {
            ReviewLabels.save(file, slide.path(), entries);
            saved.setText(entries.size() + " labels saved to " + file);
        } catch (IOException e) {
            Dialogs.failure(stage, "The labels could not be saved", e);
        }
        if (current < tiles.size() - 1) {
            show(current + 1);
        } else {
            show(current);
        }
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.G) {
            label(ReviewLabels.Label.GOOD);
        } else if (e.getCode() == KeyCode.P) {
            label(ReviewLabels.Label.POOR);
        } else if (e.getCode() == KeyCode.LEFT) {
            move(-1);
        } else if (e.getCode() == KeyCode.RIGHT) {
            move(1);
        } else if (e.getCode() == KeyCode.ESCAPE) {
            stage.close();
        } else {
            return;
        }
        e.consume();
    }

    int size() {
        return tiles.size();
    }

    boolean scored(int index) {
        return scores.containsKey(index);
    }
}
