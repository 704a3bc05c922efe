package org.marrowscope.app;

import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/** Toolbar and menu icons (Material Design Icons through Ikonli) and the app's own window icon. */
public final class Icons {

    private static final int[] APP_ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private Icons() {
    }

    public static FontIcon of(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.setIconSize(18);
        icon.getStyleClass().add("app-icon");
        return icon;
    }

    /** Sets the window's icon from the PNGs bundled with the app. */
    public static void applyAppIcon(Stage stage) {
        for (int size : APP_ICON_SIZES) {
            var url = Icons.class.getResource("icons/marrowscope-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
    }
}
