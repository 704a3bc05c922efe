package org.marrowscope.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marrowscope.pipeline.result.Vote;
import org.marrowscope.pipeline.result.ClassificationResult;
import org.marrowscope.pipeline.result.ModelVote;
import org.marrowscope.pipeline.result.OutcomeText;

/**
 * The result of a run: suggested diagnosis, uncertainty, per-class votes, each model's vote, the ensemble, the
 * demo-model warning, and the pathologist's own diagnosis (which the ROI browser compares against).
 */
final class ResultPanel extends ScrollPane {

    static final String NO_REFERENCE = "(not entered)";

    private final VBox content = new VBox(12);
    private final RunStatus run = new RunStatus();
    private final ComboBox<String> reference = new ComboBox<>();
    private final Consumer<String> onReference;
    private final Runnable onRerun;
    private final javafx.scene.control.Button exportReport = new javafx.scene.control.Button("Export PDF report…",
            Icons.of("mdi2f-file-pdf-box"));
    private boolean updating;

    /**
     * @param onExport asks where to save the PDF report of the shown result, then writes it
     * @param onRerun classifies the slide again without reusing its saved result
     */
    ResultPanel(Consumer<String> onReference, Runnable onExport, Runnable onRerun) {
        this.onReference = onReference;
        this.onRerun = onRerun;
        exportReport.setId("export-report");
        exportReport.setOnAction(e -> onExport.run());
        getStyleClass().add("side-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setId("result-panel");
        // The run's status replaces the panel's body while a run goes; the body comes back if the run stops early.
        content.managedProperty().bind(content.visibleProperty());
        VBox page = new VBox(12, run, content);
        page.setPadding(new Insets(14));
        setContent(page);
        reference.setId("reference-diagnosis");
        reference.valueProperty().addListener((obs, old, now) -> {
            if (!updating && now != null) {
                onReference.accept(NO_REFERENCE.equals(now) ? null : now);
            }
        });
        empty("No result yet. Click Classify (Ctrl+R) to run the two-stage pipeline on this slide.");
    }

    /** A run started: "Classifying…" with elapsed time and ETA replaces the body until it ends. */
    void running(String slide) {
        run.start(slide);
        content.setVisible(false);
    }

    void progress(org.marrowscope.pipeline.Progress p) {
        run.progress(p);
    }

    /** The run ended without a new result (cancelled, failed): the body shown before comes back. */
    void runEnded() {
        run.stop();
        content.setVisible(true);
    }

    /** The run status line, for tests. */
    String runText() {
        return run.isVisible() ? run.text() : "";
    }

    void empty(String message) {
        runEnded();
        Label text = new Label(message);
        text.setWrapText(true);
        text.getStyleClass().add("muted");
        content.getChildren().setAll(text);
    }

    void show(ClassificationResult r, Path savedTo, boolean reused, String pathologist) {
        runEnded();
        List<Node> nodes = new ArrayList<>();
        if (r.usesDemoModels()) {
            nodes.add(banner("Demonstration models: trained on synthetic slides, not for clinical use.", "demo-warning"));
        }
        if (reused) {
            nodes.add(reusedNote(r));
        }
        if (r.classifiable()) {
            nodes.add(diagnosis(r));
            if (r.uncertain()) {
                nodes.add(banner(OutcomeText.confidence(r), "uncertain-warning"));
            } else {
                nodes.add(note(OutcomeText.confidence(r), "confidence"));
            }
            String sets = OutcomeText.predictionSets(r);
            if (!sets.isEmpty()) {
                nodes.add(note(sets, "prediction-sets"));
            }
            nodes.add(section("Ensemble vote (" + r.classifiers().size() + " classifier" + (r.classifiers().size() == 1 ? "" : "s")
                    + ", " + r.ensemble().totalVotes() + " ROI votes)"));
            nodes.add(voteChart(r.ensemble()));
            nodes.add(section("Per model"));
            nodes.add(modelTable(r));
        } else {
            nodes.add(notClassified(r));
        }
        nodes.add(note(OutcomeText.domain(r), "domain-check"));
        nodes.add(note(OutcomeText.resolution(r.parameters()), "resolution"));
        nodes.add(note(OutcomeText.scope(r), "scope"));
        nodes.add(section("Pathologist's diagnosis"));
        updating = true;
        reference.getItems().setAll(NO_REFERENCE);
        reference.getItems().addAll(r.classes());
        reference.setValue(pathologist == null ? NO_REFERENCE : pathologist);
        updating = false;
        Label refNote = new Label("Misclassified ROIs are those whose label differs from this, or from the suggested"
                + " diagnosis when none is entered.");
        refNote.setWrapText(true);
        refNote.getStyleClass().add("muted");
        nodes.add(reference);
        nodes.add(refNote);
        nodes.add(exportReport);
        nodes.add(section("Run"));
        nodes.add(details(r, savedTo, reused));
        Label use = new Label("Decision support for a qualified hematopathologist, not a diagnosis.");
        use.setWrapText(true);
        use.getStyleClass().add("muted");
        nodes.add(use);
        content.getChildren().setAll(nodes);
    }

    /** A saved result is never passed off as a fresh run: it says so, and Re-run computes it again. */
    private Node reusedNote(ClassificationResult r) {
        Label text = new Label("Saved result of " + when(r.createdAt()) + ", reused, not computed now. Re-run computes it"
                + " again with the models ticked in the Models tab.");
        text.setWrapText(true);
        text.setId("reused-note");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        javafx.scene.control.Button rerun = new javafx.scene.control.Button("Re-run", Icons.of("mdi2r-refresh"));
        rerun.setId("rerun");
        rerun.setMinWidth(Region.USE_PREF_SIZE);
        rerun.setOnAction(e -> onRerun.run());
        HBox box = new HBox(10, text, rerun);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll("banner", "reused-banner");
        return box;
    }

    private Node diagnosis(ClassificationResult r) {
        Label caption = new Label("Suggested diagnosis (" + OutcomeText.inputKind(r).toLowerCase(Locale.ROOT) + ")");
        caption.getStyleClass().add("muted");
        Region chip = new Region();
        chip.getStyleClass().add("class-chip-large");
        chip.setStyle("-fx-background-color: " + ClassPalette.css(r.diagnosis(), r.classes()) + ";");
        Label name = new Label(r.diagnosis());
        name.setId("diagnosis");
        name.getStyleClass().add("diagnosis");
        HBox line = new HBox(10, chip, name);
        line.setAlignment(Pos.CENTER_LEFT);
        Vote v = r.ensemble();
        Label sub = new Label(String.format(Locale.ROOT, "%.0f%% of the ensemble's votes, margin %.0f%%",
                v.fractions()[v.winner()] * 100, v.margin() * 100));
        sub.getStyleClass().add("muted");
        return new VBox(4, caption, line, sub);
    }

    private static Node voteChart(Vote v) {
        GridPane grid = new GridPane();
        grid.setId("vote-chart");
        grid.setHgap(8);
        grid.setVgap(5);
        double[] fractions = v.fractions();
        int[] counts = v.counts();
        for (int i = 0; i < v.classes().size(); i++) {
            String c = v.classes().get(i);
            Label name = new Label(c);
            name.setMinWidth(70);
            Region bar = new Region();
            bar.getStyleClass().add("vote-bar");
            bar.setStyle("-fx-background-color: " + ClassPalette.css(c, v.classes()) + ";");
            bar.setPrefWidth(Math.max(2, 180 * fractions[i]));
            bar.setMinHeight(14);
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            StackPane track = new StackPane(bar);
            track.getStyleClass().add("vote-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setPrefWidth(180);
            track.setMinWidth(180);
            Label pct = new Label(String.format(Locale.ROOT, "%5.1f%%  (%d)", fractions[i] * 100, counts[i]));
            pct.getStyleClass().add("numeric");
            if (i == v.winner()) {
                name.getStyleClass().add("strong");
            }
            grid.addRow(i, name, track, pct);
        }
        return grid;
    }

    private static Node modelTable(ClassificationResult r) {
        TableView<ModelVote> table = new TableView<>();
        table.setId("model-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ModelVote, String> model = new TableColumn<>("Model");
        model.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().model().name() + " " + c.getValue().model().version()
                + (c.getValue().model().demo() ? " (demo)" : "")));
        TableColumn<ModelVote, String> label = new TableColumn<>("Vote");
        label.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().vote().label()));
        TableColumn<ModelVote, String> share = new TableColumn<>("Share");
        share.setCellValueFactory(c -> {
            Vote v = c.getValue().vote();
            return new SimpleStringProperty(String.format(Locale.ROOT, "%.0f%%", v.fractions()[v.winner()] * 100));
        });
        TableColumn<ModelVote, String> margin = new TableColumn<>("Margin");
        margin.setCellValueFactory(c -> new SimpleStringProperty(String.format(Locale.ROOT, "%.0f%%", c.getValue().vote().margin() * 100)));
        // A narrow panel may still cut a long model name: the tooltip always shows it whole.
        model.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        model.setPrefWidth(210);
        model.setMinWidth(150);
        label.setPrefWidth(72);
        share.setPrefWidth(52);
        margin.setPrefWidth(58);
        table.getColumns().add(model);
        table.getColumns().add(label);
        table.getColumns().add(share);
        table.getColumns().add(margin);
        table.getItems().setAll(r.perModel());
        table.setFixedCellSize(26);
        table.setPrefHeight(28 + 26 * Math.max(1, r.perModel().size()) + 2);
        table.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(table, Priority.NEVER);
        return table;
    }

    /** Not classifiable or outside the models' domain: the headline and the reason, no class. */
    private static Node notClassified(ClassificationResult r) {
        Label title = new Label(r.outcome().headline());
        title.setId("diagnosis");
        title.getStyleClass().add("diagnosis");
        title.setWrapText(true);
        Label kind = new Label(OutcomeText.inputKind(r) + ": no diagnosis is suggested.");
        kind.getStyleClass().add("muted");
        Label why = new Label(r.outcome().reason());
        why.setId("outcome-reason");
        why.setWrapText(true);
        return new VBox(6, title, kind, why);
    }

    private static Label note(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Node details(ClassificationResult r, Path savedTo, boolean reused) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(3);
        int row = 0;
        grid.addRow(row++, key("Quality model"), value(r.quality().name() + " " + r.quality().version()));
        grid.addRow(row++, key("ROIs"), value(r.rois().size() + " (stage 1: " + switch (r.selection().mode()) {
            case HIGH_QUALITY -> "p(good) >= " + r.parameters().highThreshold();
            case FALLBACK_THRESHOLD -> "fallback, p(good) >= " + r.parameters().lowThreshold();
            case FIELD_GOOD_TILES -> "a field's good tiles";
            case NOT_CLASSIFIABLE -> "too few good tiles";
        } + ")"));
        grid.addRow(row++, key("Device"), value(r.device()));
        grid.addRow(row++, key("Time"), value(String.format(Locale.ROOT, "%.1f s (stage 1 %.1f s, stage 2 %.1f s)",
                r.timings().totalSeconds(), r.timings().qualitySeconds(), r.timings().classificationSeconds())));
        grid.addRow(row++, key("Seed"), value(Long.toString(r.parameters().seed())));
        grid.addRow(row++, key("Run at"), value(when(r.createdAt()) + (reused ? " (saved result)" : "")));
        if (savedTo != null) {
            Label where = value(savedTo.toString());
            where.setId("saved-to");
            grid.addRow(row, key("Saved to"), where);
        }
        return grid;
    }

    /** "2026-11-27 11:55:52 UTC" from an ISO instant. */
    static String when(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        return l;
    }

    private static Label banner(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().addAll("banner", style);
        l.setId(style);
        return l;
    }

    String referenceValue() {
        String v = reference.getValue();
        return v == null || NO_REFERENCE.equals(v) ? null : v;
    }

    ComboBox<String> referenceBox() {
        return reference;
    }
}
