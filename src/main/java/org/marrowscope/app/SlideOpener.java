package org.marrowscope.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.marrowscope.slide.SlideException;

/**
 * Opens slides off the FX thread and hands each one over only when it has opened, so the window can replace what it
 * shows in one step. Opens may overlap: only the last one asked for is handed over, and an earlier one that finishes
 * later is closed unseen.
 */
final class SlideOpener {

    private final AppContext context;
    private long generation;

    SlideOpener(AppContext context) {
        this.context = context;
    }

    /**
     * Opens in the background; then, on the FX thread, {@code onOpened} or {@code onFailed}, unless a later open (or
     * {@link #forget}) came first.
     *
     * @return completes on the FX thread after the callback
     */
    CompletableFuture<Void> open(Path path, Path resultsFolder, Consumer<OpenedSlide> onOpened, Consumer<Throwable> onFailed) {
        long mine = ++generation;
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return OpenedSlide.open(path, resultsFolder);
            } catch (SlideException e) {
                throw new CompletionException(e);
            }
        }, context.background()).whenComplete((slide, error) -> Platform.runLater(() -> {
            try {
                if (mine != generation) {
                    if (slide != null) {
                        context.background().submit(() -> slide.slide().close());
                    }
                } else if (error != null) {
                    onFailed.accept(Dialogs.unwrap(error));
                } else {
                    onOpened.accept(slide);
                }
            } finally {
                done.complete(null);
            }
        }));
        return done;
    }

    /** Any open under way will be closed unseen (the user closed the slide meanwhile). */
    void forget() {
        generation++;
    }

    /** The file chooser for slides, starting in the folder of the most recent one. */
    static Optional<Path> choose(Window owner, List<String> recent) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a slide");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Slides and microscope pictures", "*.svs", "*.tif", "*.tiff", "*.ndpi", "*.vms",
                        "*.vmu", "*.mrxs", "*.scn", "*.bif", "*.svslide", "*.png", "*.jpg", "*.jpeg", "*.bmp"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (!recent.isEmpty() && Path.of(recent.getFirst()).getParent() != null
                && Path.of(recent.getFirst()).getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(Path.of(recent.getFirst()).getParent().toFile());
        }
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }
}
