package org.marrowscope.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Progress of rendering the demo slide, with Cancel; opens the slide when done. */
final class DemoDialog {

    private DemoDialog() {
    }

    static void run(Window owner, Task<Path> task, ExecutorService executor, Consumer<Path> open) {
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CANCEL);
        dialog.initOwner(owner);
        dialog.setTitle("Creating the demo slide");
        dialog.setHeaderText("Creating the demo slide");
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(420);
        bar.progressProperty().bind(task.progressProperty());
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        message.setWrapText(true);
        Label note = new Label("This happens once; the slide is kept in your data folder.");
        note.getStyleClass().add("muted");
        VBox box = new VBox(10, message, bar, note);
        box.setPadding(new Insets(6));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setId("demo-dialog");
        dialog.setOnCloseRequest(e -> {
            if (task.isRunning()) {
                task.cancel(true);
            }
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            dialog.close();
            open.accept(task.getValue());
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            dialog.close();
            Dialogs.failure(owner, "The demo slide could not be created", task.getException());
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> dialog.close());
        executor.submit(task);
        dialog.show();
    }
}
