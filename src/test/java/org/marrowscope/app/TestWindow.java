package org.marrowscope.app;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.SelectionSettings;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window for a UI test: its own settings, data and results folders under the test's temporary home,
 * classifying on the CPU with the models of {@code models}.
 */
record TestWindow(AppContext context, MainWindow window) {

    /** Shows the window on {@code stage}; {@code settings} are stored first, as a user's would be. */
    static TestWindow show(Stage stage, Path home, Path models, Settings settings, PipelineSettings pipeline) {
        System.setProperty(AppContext.MODELS_PROPERTY, models.toString());
        AppPaths paths = new AppPaths(home.resolve("config"), home.resolve("data"));
        new SettingsStore(paths.settingsFile()).set(settings);
        AppContext context = new AppContext(paths, "MarrowScope test", pipeline);
        MainWindow window = new MainWindow(stage, context, "MarrowScope test");
        stage.show();
        return new TestWindow(context, window);
    }

    /**
     * The window with the tiny test models and 12 ROIs at thresholds 0: every tissue tile qualifies, so a small
     * slide classifies in seconds.
     */
    static TestWindow showQuick(Stage stage, Path home) {
        Settings settings = settings(home).withSelection(new Settings.Selection(12, 0.0, 0.0, 1));
        return show(stage, home, MainWindowUiTest.MODELS, settings,
                PipelineSettings.PAPER.withSelection(new SelectionSettings(12, 0, 0, 1, 8, false)));
    }

    /** CPU, results in {@code home/results}, 64 MB tile cache; the rest as shipped. */
    static Settings settings(Path home) {
        return Settings.DEFAULTS.withPreferences(null, home.resolve("results").toString(), "cpu", 64, false, 20);
    }

    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get(30, TimeUnit.SECONDS);
        context.close();
        System.clearProperty(AppContext.MODELS_PROPERTY);
    }
}
