package org.marrowscope.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import org.marrowscope.viewer.SlideView;

/**
 * What the main window's scene takes from the keyboard and from drag and drop: keys move the slide view unless a text
 * field has the focus (typing a diagnosis must not pan the slide), and a file dropped anywhere is opened.
 */
final class SceneInput {

    private SceneInput() {
    }

    static void install(Scene scene, SlideView view, Consumer<Path> open) {
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!(scene.getFocusOwner() instanceof TextInputControl) && view.handleKey(e)) {
                e.consume();
            }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                open.accept(files.getFirst().toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }
}
