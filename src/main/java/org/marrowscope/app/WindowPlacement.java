package org.marrowscope.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's position and size, and restores them only where a screen still shows them. */
final class WindowPlacement {

    private WindowPlacement() {
    }

    static void restore(Stage stage, SettingsStore settings) {
        Settings.WindowGeometry g = settings.get().window();
        if (g == null || g.width() < 400 || g.height() < 300) {
            return;
        }
        boolean onScreen = Screen.getScreens().stream().map(Screen::getVisualBounds)
                .anyMatch(b -> b.intersects(new Rectangle2D(g.x(), g.y(), g.width(), g.height())));
        if (!onScreen) {
            return;
        }
        stage.setX(g.x());
        stage.setY(g.y());
        stage.setWidth(g.width());
        stage.setHeight(g.height());
        stage.setMaximized(g.maximized());
    }

    static void save(Stage stage, SettingsStore settings) {
        if (Double.isNaN(stage.getX()) || stage.getWidth() <= 0) {
            return;
        }
        settings.set(settings.get().withWindow(new Settings.WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized())));
    }
}
