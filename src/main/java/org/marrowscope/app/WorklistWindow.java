package org.marrowscope.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.marrowscope.service.ClassificationOutcome;
import org.marrowscope.service.ClassifyRequest;
import org.marrowscope.slide.SlideFiles;
import org.marrowscope.viewer.FxImages;

/**
 * A folder of slides as a table (thumbnail, status, suggestion, pathologist's diagnosis): the app's answer to the
 * command line's batch mode. Statuses come from the saved results, so the list resumes after a restart; Classify all
 * runs the slides still to do, one at a time through the same inference service; double-click opens a slide.
 */
final class WorklistWindow {

    private final Stage stage = new Stage();
    private final AppContext context;
    private final ModelPanel models;
    private final Path folder;
    private final TableView<WorklistRow> table = new TableView<>();
    private final Map<Path, Image> thumbnails = new HashMap<>();
    private final Label progress = new Label();
    private final Button classifyAll = new Button("Classify all", Icons.of("mdi2p-play-circle-outline"));
    private final Button cancel = new Button("Cancel", Icons.of("mdi2c-close-circle-outline"));
    private WorklistRun run;
    private int loading;

    private WorklistWindow(Window owner, AppContext context, ModelPanel models, Path folder, Consumer<Path> open) {
        this.context = context;
        this.models = models;
        this.folder = folder;
        stage.initOwner(owner);
        stage.setTitle("Worklist — " + folder);
        table.setId("worklist-table");
        table.setPlaceholder(new Label("No slide files in " + folder));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(thumbnailColumn());
        table.getColumns().add(column("Slide", 220, r -> r.slide().getFileName().toString()));
        table.getColumns().add(column("Status", 130, r -> r.status().toString()));
        table.getColumns().add(column("Suggestion", 110, r -> r.suggestion() == null ? "" : r.suggestion()));
        table.getColumns().add(column("Pathologist's diagnosis", 170, r -> r.diagnosis() == null ? "" : r.diagnosis()));
        // Why a slide failed or has no suggestion, in full in the row's tooltip.
        table.getColumns().add(column("Note", 200, WorklistRow::note));
        table.setFixedCellSize(WorklistRow.THUMBNAIL_EDGE * 0.75 + 6);
        table.setRowFactory(t -> {
            TableRow<WorklistRow> row = new TableRow<>() {
                @Override
                protected void updateItem(WorklistRow item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null || item.note().isEmpty() ? null : new Tooltip(item.note()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().slide());
                }
            });
            return row;
        });
        classifyAll.setId("worklist-classify-all");
        classifyAll.getStyleClass().add("primary");
        classifyAll.setOnAction(e -> classifyAll());
        cancel.setId("worklist-cancel");
        cancel.setOnAction(e -> cancel());
        cancel.setDisable(true);
        progress.setId("worklist-progress");
        progress.getStyleClass().add("muted");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox bar = new HBox(10, classifyAll, cancel, progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10));
        Label hint = new Label("Double-click a slide to open it in the viewer. Statuses come from the saved results.");
        hint.getStyleClass().add("muted");
        hint.setPadding(new Insets(0, 10, 8, 10));
        BorderPane root = new BorderPane(table);
        root.setTop(bar);
        root.setBottom(hint);
        root.getStyleClass().add("main-window");
        stage.setScene(new Scene(root, 1000, 560));
        stage.getScene().getStylesheets().add(MainWindow.class.getResource("marrowscope.css").toExternalForm());
        stage.setOnHidden(e -> cancel());
    }

    /** Asks for a folder of slides. */
    static Optional<Path> choose(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of slides as a worklist");
        File dir = chooser.showDialog(owner);
        return Optional.ofNullable(dir).map(File::toPath);
    }

    /** Shows the worklist of a folder; its rows load in the background. */
    static WorklistWindow show(Window owner, AppContext context, ModelPanel models, Path folder, Consumer<Path> open) {
        WorklistWindow w = new WorklistWindow(owner, context, models, folder, open);
        w.stage.show();
        w.reload();
        return w;
    }

    /** Lists the folder's slides, then reads each one's saved result and thumbnail off the FX thread. */
    void reload() {
        List<Path> slides;
        try {
            slides = SlideFiles.inFolder(folder);
        } catch (IOException e) {
            Dialogs.failure(stage, "The folder cannot be listed", e);
            return;
        }
        table.getItems().setAll(slides.stream().map(s -> new WorklistRow(s, WorklistStatus.NOT_YET, null, null, "reading…"))
                .toList());
        loading = slides.size();
        updateProgress();
        Path results = context.resultsFolder();
        for (Path slide : slides) {
            context.background().submit(() -> {
                WorklistRow.Loaded loaded = WorklistRow.load(slide, results);
                Image thumb = loaded.thumbnail() == null ? null : FxImages.toFx(loaded.thumbnail());
                Platform.runLater(() -> {
                    if (thumb != null) {
                        thumbnails.put(slide, thumb);
                    }
                    replace(loaded.row());
                    loading--;
                    updateProgress();
                });
            });
        }
    }

    private void classifyAll() {
        ModelPanel.Choice choice = models.choice();
        if (choice.selection().isEmpty()) {
            Dialogs.error(stage, "No models to classify with", choice.problem());
            return;
        }
        List<Path> pending = table.getItems().stream().filter(r -> r.status().pending()).map(WorklistRow::slide).toList();
        if (pending.isEmpty()) {
            updateProgress();
            return;
        }
        Path results = context.resultsFolder();
        run = new WorklistRun(context.inference(), pending, slide -> new ClassifyRequest(slide, choice.selection().get(),
                context.pipeline(), results, true, context.device()), new WorklistRun.Listener() {
                    @Override
                    public void started(Path slide) {
                        Platform.runLater(() -> {
                            find(slide).ifPresent(r -> replace(r.with(WorklistStatus.CLASSIFYING, "")));
                            updateProgress();
                        });
                    }

                    @Override
                    public void finished(Path slide, ClassificationOutcome outcome, Throwable error) {
                        Platform.runLater(() -> find(slide).ifPresent(r -> replace(outcome != null ? r.with(outcome.result())
                                : Dialogs.unwrap(error) instanceof CancellationException ? r.with(WorklistStatus.NOT_YET, "")
                                : r.with(WorklistStatus.FAILED, Dialogs.message(error)))));
                    }

                    @Override
                    public void ended(boolean cancelled) {
                        Platform.runLater(() -> {
                            run = null;
                            classifyAll.setDisable(false);
                            cancel.setDisable(true);
                            updateProgress();
                        });
                    }
                });
        classifyAll.setDisable(true);
        cancel.setDisable(false);
        run.start();
    }

    void cancel() {
        if (run != null) {
            run.cancel();
            progress.setText("Cancelling…");
        }
    }

    private void updateProgress() {
        List<WorklistRow> rows = table.getItems();
        long done = rows.stream().filter(r -> !r.status().pending() && r.status() != WorklistStatus.CLASSIFYING).count();
        long failed = rows.stream().filter(r -> r.status() == WorklistStatus.FAILED).count();
        String running = rows.stream().filter(r -> r.status() == WorklistStatus.CLASSIFYING).findFirst()
                .map(r -> "Classifying " + r.slide().getFileName() + "…  ").orElse("");
        progress.setText(loading > 0 ? "Reading " + rows.size() + " slides…"
                : running + done + " of " + rows.size() + " slides have a result" + (failed > 0 ? ", " + failed + " failed" : ""));
    }

    private Optional<WorklistRow> find(Path slide) {
        return table.getItems().stream().filter(r -> r.slide().equals(slide)).findFirst();
    }

    private void replace(WorklistRow row) {
        List<WorklistRow> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).slide().equals(row.slide())) {
                items.set(i, row);
                break;
            }
        }
        updateProgress();
    }

    private TableColumn<WorklistRow, Path> thumbnailColumn() {
        TableColumn<WorklistRow, Path> c = new TableColumn<>("");
        c.setCellValueFactory(v -> new SimpleObjectProperty<>(v.getValue().slide()));
        c.setCellFactory(col -> new TableCell<>() {
            private final ImageView view = new ImageView();

            @Override
            protected void updateItem(Path slide, boolean empty) {
                super.updateItem(slide, empty);
                view.setImage(empty || slide == null ? null : thumbnails.get(slide));
                view.setFitWidth(WorklistRow.THUMBNAIL_EDGE * 0.75);
                view.setFitHeight(WorklistRow.THUMBNAIL_EDGE * 0.75);
                view.setPreserveRatio(true);
                setGraphic(empty ? null : view);
            }
        });
        c.setPrefWidth(WorklistRow.THUMBNAIL_EDGE * 0.75 + 12);
        c.setMinWidth(WorklistRow.THUMBNAIL_EDGE * 0.75 + 12);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<WorklistRow, String> column(String name, double width,
            java.util.function.Function<WorklistRow, String> text) {
        TableColumn<WorklistRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(v -> new SimpleStringProperty(text.apply(v.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    // ---- for the tests -----------------------------------------------------------------------------------

    Stage stage() {
        return stage;
    }

    List<WorklistRow> rows() {
        return List.copyOf(table.getItems());
    }

    Image thumbnail(Path slide) {
        return thumbnails.get(slide);
    }

    boolean running() {
        return run != null;
    }

    boolean loading() {
        return loading > 0;
    }

    String progressText() {
        return progress.getText();
    }
}
