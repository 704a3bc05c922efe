package org.marrowscope.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.marrowscope.model.ModelBundleException;
import org.marrowscope.pipeline.result.ModelInfo;
import org.marrowscope.service.ModelCatalog;
import org.marrowscope.service.ModelSelection;

/**
 * The models found in the models folder, to choose the quality model and the classifiers of the ensemble.
 * Every valid classifier is ticked by default (the paper's ensemble); demonstration models say so.
 */
final class ModelPanel extends VBox {

    private final AppContext context;
    private final ToggleGroup quality = new ToggleGroup();
    private final List<CheckBox> classifiers = new ArrayList<>();
    private final VBox qualityBox = new VBox(4);
    private final VBox classifierBox = new VBox(4);
    private final Label folder = new Label();
    private final Label problems = new Label();
    private ModelCatalog catalog;
    private String scanError;

    ModelPanel(AppContext context) {
        this.context = context;
        getStyleClass().add("side-panel");
        setSpacing(8);
        setPadding(new Insets(12));
        folder.getStyleClass().add("muted");
        folder.setWrapText(true);
        problems.getStyleClass().add("warning-text");
        problems.setId("models-problems");
        problems.setWrapText(true);
        Label q = new Label("Stage 1: quality model");
        q.getStyleClass().add("section-title");
        Label c = new Label("Stage 2: classifiers (ticked ones vote as an ensemble)");
        c.getStyleClass().add("section-title");
        c.setWrapText(true);
        Button reload = new Button("Rescan", Icons.of("mdi2r-refresh"));
        reload.setOnAction(e -> rescan());
        getChildren().addAll(folder, q, qualityBox, c, classifierBox, problems, reload);
    }

    /** Scans the models folder in the background; the returned future completes on the FX thread's side too. */
    CompletableFuture<Void> rescan() {
        Path dir = context.modelsFolder();
        folder.setText("Models folder: " + dir.toAbsolutePath().normalize());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ModelCatalog.scan(List.of(dir));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, context.background()).handle((found, error) -> {
            Platform.runLater(() -> show(found, error == null ? null : Dialogs.message(error)));
            return null;
        });
    }

    private void show(ModelCatalog found, String error) {
        catalog = found;
        scanError = error;
        quality.getToggles().clear();
        qualityBox.getChildren().clear();
        classifierBox.getChildren().clear();
        classifiers.clear();
        if (found == null) {
            problems.setText(error);
            return;
        }
        for (ModelCatalog.Entry e : found.valid()) {
            String text = e.manifest().name() + " " + e.manifest().version()
                    + (Boolean.TRUE.equals(e.manifest().demo()) ? "  (demonstration model)" : "");
            if (e.isQuality()) {
                RadioButton r = new RadioButton(text);
                r.setUserData(e.directory());
                r.setToggleGroup(quality);
                qualityBox.getChildren().add(r);
            } else {
                CheckBox box = new CheckBox(text);
                box.setUserData(e.directory());
                box.setSelected(true);
                classifiers.add(box);
                classifierBox.getChildren().add(box);
            }
        }
        if (!quality.getToggles().isEmpty()) {
            quality.selectToggle(quality.getToggles().getFirst());
        }
        List<String> notes = new ArrayList<>();
        for (ModelBundleException invalid : found.invalid()) {
            notes.add("Refused: " + invalid.getMessage());
        }
        problems.setText(String.join("\n", notes));
    }

    /** What the last scan refused, as the tab shows it. */
    String problems() {
        return problems.getText();
    }

    /** True once a scan finished (whatever it found). */
    boolean scanned() {
        return catalog != null || scanError != null;
    }

    /**
     * The chosen models, or a message saying what is missing (for the dialog shown instead of a run).
     */
    Choice choice() {
        Path dir = context.modelsFolder().toAbsolutePath().normalize();
        if (catalog == null) {
            return new Choice(Optional.empty(), "No models could be read from " + dir + (scanError == null ? "." : ": " + scanError)
                    + "\n\nChoose a models folder in Settings, or install the demo models into the installation's models/ folder.");
        }
        Path q = quality.getSelectedToggle() == null ? null : (Path) quality.getSelectedToggle().getUserData();
        List<Path> chosen = classifiers.stream().filter(CheckBox::isSelected).map(b -> (Path) b.getUserData()).toList();
        if (q == null || chosen.isEmpty()) {
            String missing = q == null && chosen.isEmpty() ? "no models" : q == null ? "no quality (stage 1) model"
                    : "no classifier (stage 2) model ticked";
            // The refusals say why a bundle that is there does not count (a damaged file, a missing signature).
            String refused = catalog.invalid().isEmpty() ? "" : "\n\nRefused: " + String.join("\nRefused: ",
                    catalog.invalid().stream().map(Exception::getMessage).toList());
            return new Choice(Optional.empty(), "MarrowScope found " + missing + " in " + dir + "." + refused
                    + "\n\nA run needs one quality model and at least one classifier. Choose a models folder in Settings"
                    + " (Ctrl+,), or tick a classifier in the Models tab.");
        }
        return new Choice(Optional.of(new ModelSelection(q, chosen)), null);
    }

    /**
     * The bundle folder of a model a result used, found again among the scanned models by name and version (in
     * memory: the scan already verified the bundles).
     */
    Optional<Path> bundleOf(ModelInfo info) {
        if (catalog == null) {
            return Optional.empty();
        }
        return catalog.valid().stream()
                .filter(e -> e.manifest().name().equals(info.name()) && e.manifest().version().equals(info.version()))
                .map(ModelCatalog.Entry::directory).findFirst();
    }

    /** Ticks only the classifiers in {@code folders} (tests, and a remembered choice). */
    void selectClassifiers(List<Path> folders) {
        for (CheckBox box : classifiers) {
            box.setSelected(folders.contains((Path) box.getUserData()));
        }
    }

    record Choice(Optional<ModelSelection> selection, String problem) {
    }
}
