package org.trainlab.ui.inside;

import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Subscription;

/** The pad drawn at any size: each of its 28 x 28 pixels a square, ink black on white; the mouse draws. */
final class PadView extends Region {

    private final PadModel model;
    private final Canvas canvas = new Canvas();
    private final Subscription subscription;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    PadView(PadModel model) {
        this.model = model;
        setId("inside-pad");
        getStyleClass().add("inside-pad");
        getChildren().add(canvas);
        setCursor(Cursor.CROSSHAIR);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = padX(e.getX());
            lastY = padY(e.getY());
            model.stroke(lastX, lastY, lastX, lastY);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double x = padX(e.getX());
            double y = padY(e.getY());
            if (!Double.isNaN(lastX)) {
                model.stroke(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> lastX = Double.NaN);
        subscription = model.versionProperty().subscribe(v -> paint());
        setMinSize(112, 112);
        setPrefSize(280, 280);
    }

    private double side() {
        return Math.min(getWidth(), getHeight());
    }

    private double padX(double x) {
        return x / side() * PadModel.SIDE;
    }

    private double padY(double y) {
        return y / side() * PadModel.SIDE;
    }

    @Override
    protected void layoutChildren() {
        double s = snapSizeX(side());
        if (canvas.getWidth() != s) {
            canvas.setWidth(s);
            canvas.setHeight(s);
            paint();
        }
    }

    private void paint() {
        double s = canvas.getWidth();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, s, s);
        double cell = s / PadModel.SIDE;
        float[] ink = model.pixels();
        for (int r = 0; r < PadModel.SIDE; r++) {
            for (int c = 0; c < PadModel.SIDE; c++) {
                float v = ink[r * PadModel.SIDE + c];
                if (v > 0) {
                    g.setFill(Color.gray(1 - v));
                    g.fillRect(c * cell, r * cell, cell + 0.5, cell + 0.5);
                }
            }
        }
        g.setStroke(Color.web("#e5e7eb"));
        g.strokeRect(0.5, 0.5, s - 1, s - 1);
    }

    void dispose() {
        subscription.unsubscribe();
    }
}
