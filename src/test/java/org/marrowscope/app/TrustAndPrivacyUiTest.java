package org.marrowscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marrowscope.TestData;
import org.marrowscope.model.BundleSignature;
import org.marrowscope.pipeline.PipelineSettings;
import org.marrowscope.pipeline.SelectionSettings;
import org.marrowscope.slide.IdentifyingProperties;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12 in the desktop app: "Require signed model bundles" in Settings refuses unsigned bundles through the same
 * policy code as the command line, with the reason shown; the Slide tab hides identifying properties by the rule
 * {@code info} uses until the user ticks "Show identifying properties".
 */
@ExtendWith(ApplicationExtension.class)
class TrustAndPrivacyUiTest {

    static {
        HeadlessFx.configure();
    }

    static final Path MODELS = Path.of("src/test/resources/models").toAbsolutePath();
    static final Path SVS = TestData.slide("CMU-1-Small-Region.svs");

    @TempDir
    Path home;

    TestWindow shown;
    MainWindow window;

    @Start
    void start(Stage stage) {
        shown = TestWindow.show(stage, home, MODELS, TestWindow.settings(home),
                PipelineSettings.PAPER.withSelection(new SelectionSettings(12, 0, 0, 1, 8, false)));
        window = shown.window();
    }

    @AfterEach
    void stop() throws Exception {
        shown.close();
    }

    static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(30, TimeUnit.SECONDS);
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    private void openSlide(Path path) throws Exception {
        fx(() -> window.open(path)).get(30, TimeUnit.SECONDS);
        waitUntil(30, () -> window.opened() != null && window.view().slide() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static DialogPane dialogShowing() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene().getRoot() instanceof DialogPane)));
        return fx(() -> (DialogPane) Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene().getRoot() instanceof DialogPane)
                .findFirst().orElseThrow().getScene().getRoot());
    }

    @Test
    void requiringSignedBundlesInSettingsRefusesTheUnsignedOnesAndSaysWhy(FxRobot robot) throws Exception {
        Path keys = Files.createDirectories(home.resolve("lab-keys"));
        openSlide(SVS);
        waitUntil(30, () -> window.models().scanned());
        assertThat(fx(() -> window.models().problems())).doesNotContain("signed");

        Platform.runLater(window::openSettings);
        DialogPane settings = dialogShowing();
        robot.clickOn("#settings-require-signed");
        robot.clickOn("#settings-trusted-keys").write(keys.toString());
        robot.clickOn(fx(() -> (Button) settings.lookupButton(javafx.scene.control.ButtonType.OK)));

        // Persisted like every setting, and in force for the app's loads by the command line's own rule.
        Settings saved = new SettingsStore(shown.context().paths().settingsFile()).get();
        assertThat(saved.requireSignedModels()).isTrue();
        assertThat(saved.trustedKeysFolder()).isEqualTo(keys.toString());
        assertThat(BundleSignature.Policy.current()).isEqualTo(new BundleSignature.Policy(true, keys));

        waitUntil(30, () -> window.models().problems().contains("signed bundles are required"));
        assertThat(fx(() -> window.models().problems())).contains("tiny-quality").contains("tiny-cnn")
                .contains("signed bundles are required and this one has no bundle.sig");
        robot.clickOn("#classify");
        DialogPane refusal = dialogShowing();
        String text = fx(() -> refusal.getHeaderText() + " / " + ((Label) refusal.getContent()).getText());
        assertThat(text).contains("No models to classify with").contains("Refused: Model bundle")
                .contains("signed bundles are required and this one has no bundle.sig");
        assertThat(fx(() -> window.classifier().runningProperty().get())).isFalse();
    }

    @Test
    void theSlideTabHidesIdentifyingPropertiesUntilAskedByInfosRule(FxRobot robot) throws Exception {
        openSlide(SVS);
        robot.clickOn("#tab-slide");
        @SuppressWarnings("unchecked")
        TableView<Map.Entry<String, String>> table = robot.lookup("#properties-table").queryAs(TableView.class);
        Map<String, String> real = fx(() -> window.opened().slide().properties());
        Map<String, String> hidden = fx(() -> table.getItems().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(hidden.get("aperio.User")).isEqualTo(PropertiesPanel.HIDDEN);
        assertThat(hidden.get("aperio.Filename")).isEqualTo(PropertiesPanel.HIDDEN);
        assertThat(hidden.get("aperio.AppMag")).isEqualTo("20");
        // Exactly the properties `info` hides, no more and no fewer.
        real.forEach((k, v) -> assertThat(hidden.get(k)).as(k)
                .isEqualTo(IdentifyingProperties.identifying(k, v) ? PropertiesPanel.HIDDEN : v));

        robot.clickOn("#properties-show-identifying");
        waitUntil(10, () -> table.getItems().stream().anyMatch(e -> e.getKey().equals("aperio.Filename")
                && e.getValue().equals("CMU-1")));
        assertThat(fx(() -> table.getItems().stream().noneMatch(e -> e.getValue().equals(PropertiesPanel.HIDDEN)))).isTrue();

        // Another slide (here the same one opened again) starts hidden.
        openSlide(SVS);
        waitUntil(10, () -> table.getItems().stream().anyMatch(e -> e.getKey().equals("aperio.Filename")
                && e.getValue().equals(PropertiesPanel.HIDDEN)));
    }
}
