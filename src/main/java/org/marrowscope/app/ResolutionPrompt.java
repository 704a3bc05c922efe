package org.marrowscope.app;

import java.util.function.DoubleConsumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a picture's resolution when the file states none, or one the pipeline refused: the app's counterpart of
 * the command line's {@code --mpp}. Nothing is proposed: the only trustworthy value is the one measured for the
 * microscope, objective and camera that took the picture, so the field starts empty and the pipeline judges the
 * value typed (a wrong one is refused again with the reason, or lands outside the models' domain).
 */
final class ResolutionPrompt {

    static final ButtonType CLASSIFY = new ButtonType("Classify at this resolution", ButtonBar.ButtonData.OK_DONE);

    private ResolutionPrompt() {
    }

    /** Shows the prompt without blocking; {@code onValue} gets the value if the user confirms one. */
    static Dialog<ButtonType> ask(Window owner, String problem, DoubleConsumer onValue) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Resolution needed");
        dialog.setHeaderText("Resolution needed to classify this picture");
        Label why = new Label(problem);
        why.setWrapText(true);
        why.setMaxWidth(520);
        Label how = new Label("Microns per pixel at level 0, as measured for the microscope, objective and camera that"
                + " took the picture (a stage micrometer, or the scanner's or camera's documentation). The models read"
                + " tiles of a fixed physical size, so a wrong value gives wrong tiles; it is recorded with the result"
                + " as entered by the user.");
        how.setWrapText(true);
        how.setMaxWidth(520);
        TextField value = new TextField();
        value.setId("resolution-value");
        value.setPromptText("um per pixel, e.g. as measured");
        dialog.getDialogPane().setContent(new VBox(10, why, how, value));
        dialog.getDialogPane().setId("resolution-prompt");
        dialog.getDialogPane().getButtonTypes().setAll(CLASSIFY, ButtonType.CANCEL);
        var classify = dialog.getDialogPane().lookupButton(CLASSIFY);
        classify.setId("resolution-classify");
        classify.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> parse(value.getText()) <= 0, value.textProperty()));
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == CLASSIFY && parse(value.getText()) > 0) {
                onValue.accept(parse(value.getText()));
            }
        });
        dialog.show();
        value.requestFocus();
        return dialog;
    }

    /** The typed value, or -1 when it is not a positive finite number. */
    static double parse(String text) {
        try {
            double v = Double.parseDouble(text.trim().replace(',', '.'));
            return Double.isFinite(v) && v > 0 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
