package org.marrowscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What the window shows with no slide open: open a slide, try the demo slide, or pick a recent slide. */
final class StartPane extends VBox {

    private final VBox recent = new VBox(2);

    StartPane(Runnable openDialog, Runnable openDemo, boolean demoExists, Consumer<Path> openRecent) {
        getStyleClass().add("start-pane");
        setAlignment(Pos.CENTER);
        setSpacing(14);
        setPadding(new Insets(40));
        setMaxWidth(640);

        Label title = new Label("MarrowScope");
        title.getStyleClass().add("start-title");
        Label subtitle = new Label("Decision support for Wright-Giemsa bone marrow aspirate slides");
        subtitle.getStyleClass().add("start-subtitle");

        Button open = new Button("Open a slide…", Icons.of("mdi2f-folder-open-outline"));
        open.setId("start-open");
        open.getStyleClass().add("primary");
        open.setOnAction(e -> openDialog.run());
        Button demo = new Button(demoExists ? "Open the demo slide" : "Create and open the demo slide",
                Icons.of("mdi2m-microscope"));
        demo.setId("start-demo");
        demo.setOnAction(e -> openDemo.run());
        Label demoNote = new Label(demoExists ? "A synthetic AML smear, 20,000 x 15,000 pixels."
                : "A synthetic AML smear, 20,000 x 15,000 pixels, rendered once (about 20 seconds).");
        demoNote.getStyleClass().add("muted");
        subtitle.setWrapText(true);
        demoNote.setWrapText(true);
        Label drop = new Label("or drop a slide file anywhere on this window");
        drop.getStyleClass().add("muted");

        Label recentTitle = new Label("Recent slides");
        recentTitle.getStyleClass().add("section-title");
        recent.setId("start-recent");
        VBox recentBox = new VBox(6, recentTitle, recent);
        recentBox.setPadding(new Insets(18, 0, 0, 0));

        getChildren().addAll(title, subtitle, open, demo, demoNote, drop, recentBox);
        this.openRecent = openRecent;
    }

    private final Consumer<Path> openRecent;

    void setRecent(List<String> slides) {
        recent.getChildren().clear();
        if (slides.isEmpty()) {
            Label none = new Label("None yet.");
            none.getStyleClass().add("muted");
            recent.getChildren().add(none);
            return;
        }
        for (String s : slides) {
            Path p = Path.of(s);
            Hyperlink link = new Hyperlink(p.getFileName() + "   —   " + (p.getParent() == null ? "" : p.getParent()));
            link.setDisable(!Files.exists(p));
            link.setOnAction(e -> openRecent.accept(p));
            recent.getChildren().add(link);
        }
    }
}
