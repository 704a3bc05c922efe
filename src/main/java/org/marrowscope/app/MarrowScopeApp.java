package org.marrowscope.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.marrowscope.pipeline.PipelineSettings;

/** The JavaFX application: one main window over the shared core; a slide given on the command line opens at once. */
public final class MarrowScopeApp extends Application {

    private AppContext context;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        String software = getParameters().getNamed().getOrDefault("software", "MarrowScope");
        context = new AppContext(AppPaths.forUser(), software, PipelineSettings.PAPER);
        window = new MainWindow(stage, context, software);
        stage.show();
        List<String> slides = getParameters().getUnnamed();
        if (!slides.isEmpty()) {
            var opening = window.open(Path.of(slides.getFirst()));
            if (ReadinessMarker.requested()) {
                // open() shows the slide in a runLater of its own; this one runs after it, and the marker waits
                // until the view has painted the slide, not just the window around it.
                opening.thenRun(() -> Platform.runLater(() -> ReadinessMarker.afterFirstCompletePaint(window.view(), () -> ReadinessMarker.write(stage))));
            }
        } else if (ReadinessMarker.requested()) {
            Platform.runLater(() -> ReadinessMarker.write(stage));
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
        if (context != null) {
            context.close();
        }
    }
}
