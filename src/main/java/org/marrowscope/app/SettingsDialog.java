package org.marrowscope.app;

import java.io.File;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The user's settings: models and results folders, device, tile cache, privacy, bundle signatures, tile review size. */
final class SettingsDialog extends Dialog<Settings> {

    /** @param defaultResults the user's results folder, used when no other is set */
    SettingsDialog(Window owner, Settings current, String modelsOverride, java.nio.file.Path defaultResults) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Settings");
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().setId("settings-dialog");

        TextField models = new TextField(current.modelsFolder() == null ? "" : current.modelsFolder());
        models.setPromptText("the installation's models/ folder");
        models.setId("settings-models");
        TextField results = new TextField(current.resultsFolder() == null ? "" : current.resultsFolder());
        results.setPromptText(defaultResults.toString());
        results.setId("settings-results");
        CheckBox beside = new CheckBox("Save results beside each slide instead (writes into the slide's folder)");
        beside.setId("settings-beside-slide");
        beside.setSelected(current.resultsBesideSlide());
        results.disableProperty().bind(beside.selectedProperty());
        ComboBox<String> device = new ComboBox<>();
        device.getItems().addAll("auto", "cpu", "gpu");
        device.setEditable(true);
        device.setValue(current.device());
        Spinner<Integer> cache = new Spinner<>(32, 16_384, current.tileCacheMegabytes(), 64);
        cache.setEditable(true);
        cache.setId("settings-cache");
        CheckBox associated = new CheckBox("Show label and macro images (they can show patient identity)");
        associated.setSelected(current.showAssociatedImages());
        associated.setId("settings-associated");
        CheckBox signed = new CheckBox("Require signed model bundles (refuse bundles no trusted key has signed)");
        signed.setSelected(current.requireSignedModels());
        signed.setId("settings-require-signed");
        TextField keys = new TextField(current.trustedKeysFolder() == null ? "" : current.trustedKeysFolder());
        keys.setPromptText(org.marrowscope.io.UserFolders.config().resolve("trusted-keys").toString());
        keys.setId("settings-trusted-keys");
        Spinner<Integer> review = new Spinner<>(10, 5_000, current.reviewSampleSize(), 10);
        review.setEditable(true);

        Settings.Selection sel = current.selection();
        Spinner<Integer> rois = new Spinner<>(1, 10_000, sel.roiCount(), 10);
        rois.setEditable(true);
        Spinner<Double> high = new Spinner<>(0.0, 1.0, sel.highThreshold(), 0.05);
        high.setEditable(true);
        Spinner<Double> low = new Spinner<>(0.0, 1.0, sel.lowThreshold(), 0.05);
        low.setEditable(true);
        TextField seed = new TextField(Long.toString(sel.seed()));
        Label paper = new Label("Stage 1 (the paper: 200 ROIs, p(good) ≥ 0.8, else ≥ 0.5)");
        paper.getStyleClass().add("section-title");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        int row = 0;
        grid.addRow(row++, fixed("Models folder"), withBrowse(models, owner));
        if (modelsOverride != null) {
            Label note = new Label("Overridden for this session by -Dmarrowscope.models=" + modelsOverride);
            note.getStyleClass().add("muted");
            grid.add(note, 1, row++);
        }
        grid.addRow(row++, fixed("Results folder"), withBrowse(results, owner));
        grid.add(beside, 1, row++);
        grid.addRow(row++, fixed("Inference device"), device);
        grid.addRow(row++, fixed("Tile cache (MB)"), cache);
        grid.addRow(row++, fixed("Tile review sample"), review);
        grid.add(associated, 0, row++, 2, 1);
        grid.add(signed, 0, row++, 2, 1);
        grid.addRow(row++, fixed("Trusted keys folder"), withBrowse(keys, owner));
        grid.add(paper, 0, row++, 2, 1);
        grid.addRow(row++, fixed("ROIs per slide"), rois);
        grid.addRow(row++, fixed("Threshold"), high);
        grid.addRow(row++, fixed("Fallback threshold"), low);
        grid.addRow(row, fixed("Seed"), seed);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(640);

        setResultConverter(button -> button == ButtonType.OK
                ? current.withPreferences(blankToNull(models.getText()), blankToNull(results.getText()), device.getValue(),
                        cache.getValue(), associated.isSelected(), review.getValue())
                        .withResultsBesideSlide(beside.isSelected())
                        .withSelection(new Settings.Selection(rois.getValue(), Math.max(high.getValue(), low.getValue()),
                                Math.min(high.getValue(), low.getValue()), parseSeed(seed.getText(), sel.seed())))
                        .withSignatures(signed.isSelected(), blankToNull(keys.getText()))
                : null);
    }

    static Optional<Settings> ask(Window owner, Settings current, String modelsOverride, java.nio.file.Path defaultResults) {
        return new SettingsDialog(owner, current, modelsOverride, defaultResults).showAndWait();
    }

    private static HBox withBrowse(TextField field, Window owner) {
        Button browse = new Button("Browse…");
        browse.setMinWidth(Button.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            if (!field.getText().isBlank() && new File(field.getText()).isDirectory()) {
                chooser.setInitialDirectory(new File(field.getText()));
            }
            File dir = chooser.showDialog(owner);
            if (dir != null) {
                field.setText(dir.getAbsolutePath());
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setPrefColumnCount(32);
        return new HBox(6, field, browse);
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static long parseSeed(String text, long fallback) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
