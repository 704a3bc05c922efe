package org.marrowscope.viewer;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** The navigator: the slide's thumbnail with the view's rectangle; click or drag it to move the view. */
public final class Navigator extends Region {

    private static final double MAX_EDGE = 220;

    private final Canvas canvas = new Canvas();
    private final SlideView view;
    private double thumbScale;
    private double offsetX;
    private double offsetY;

    public Navigator(SlideView view) {
        this.view = view;
        getStyleClass().add("navigator");
        getChildren().add(canvas);
        view.transformProperty().addListener((obs, old, now) -> paint());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::move);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::move);
        setVisible(false);
        setManaged(false);
    }

    /** Sizes the navigator to the slide's aspect ratio; call after the view shows a slide. */
    public void refresh() {
        boolean shown = view.slide() != null;
        setVisible(shown);
        setManaged(shown);
        if (shown) {
            double w = view.slide().width();
            double h = view.slide().height();
            thumbScale = Math.min(MAX_EDGE / w, MAX_EDGE / h);
            canvas.setWidth(Math.round(w * thumbScale));
            canvas.setHeight(Math.round(h * thumbScale));
            setPrefSize(canvas.getWidth(), canvas.getHeight());
            setMaxSize(canvas.getWidth(), canvas.getHeight());
            offsetX = 0;
            offsetY = 0;
        }
        paint();
    }

    private void move(MouseEvent e) {
        if (view.slide() == null || view.transform() == null) {
            return;
        }
        double x = Math.clamp((e.getX() - offsetX) / thumbScale, 0, view.slide().width());
        double y = Math.clamp((e.getY() - offsetY) / thumbScale, 0, view.slide().height());
        view.setTransform(view.transform().centredOn(x, y));
        e.consume();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (view.slide() == null) {
            return;
        }
        Image thumb = view.thumbnail();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (thumb != null) {
            g.drawImage(thumb, 0, 0, canvas.getWidth(), canvas.getHeight());
        }
        ViewTransform t = view.transform();
        if (t != null) {
            ViewTransform.Rect r = t.visible();
            double x0 = Math.max(0, r.x() * thumbScale);
            double y0 = Math.max(0, r.y() * thumbScale);
            double x1 = Math.min(canvas.getWidth(), r.maxX() * thumbScale);
            double y1 = Math.min(canvas.getHeight(), r.maxY() * thumbScale);
            g.setStroke(Color.rgb(200, 30, 40));
            g.setLineWidth(2);
            g.strokeRect(x0 + 1, y0 + 1, Math.max(2, x1 - x0 - 2), Math.max(2, y1 - y0 - 2));
        }
        g.setStroke(Color.rgb(0, 0, 0, 0.35));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, canvas.getWidth() - 1, canvas.getHeight() - 1);
    }
}
