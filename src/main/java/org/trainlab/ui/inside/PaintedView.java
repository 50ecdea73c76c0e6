package org.trainlab.ui.inside;

import java.awt.RenderingHints;

import java.util.List;
import java.util.function.Function;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jfree.fx.FXGraphics2D;
import org.trainlab.ui.theme.MeasuringGraphics;
import org.trainlab.ui.theme.Palette;

/**
 * A canvas that fills its region and draws a {@link Painter} whenever it is resized or asked to; it
 * draws nothing while hidden, and draws once when shown again if something changed meanwhile.
 */
final class PaintedView extends Region {

    private final Canvas canvas = new Canvas();
    private final FXGraphics2D g;
    private Painter painter;
    private boolean stale = true;

    PaintedView(Painter painter) {
        this.painter = painter;
        getChildren().add(canvas);
        g = new MeasuringGraphics(canvas.getGraphicsContext2D());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        setMinSize(0, 0);
        visibleProperty().addListener((obs, was, now) -> {
            if (now && stale) {
                repaint();
            }
        });
    }

    void setPainter(Painter painter) {
        this.painter = painter;
        repaint();
    }

    Painter painter() {
        return painter;
    }

    /** Draws now if shown (and laid out), else at the next showing. */
    void repaint() {
        stale = true;
        if (!isVisible() || getScene() == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        var gc = canvas.getGraphicsContext2D();
        g.setTransform(new java.awt.geom.AffineTransform());
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setPaint(Palette.BACKGROUND);
        g.fillRect(0, 0, (int) Math.ceil(w), (int) Math.ceil(h));
        painter.paint(g, w, h);
        stale = false;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        } else if (stale) {
            repaint();
        }
    }

    /**
     * One view per shown run, side by side in {@code columns}: the views are kept in {@code views} and
     * reused from one update to the next, each given its run's painter.
     */
    static <T> void showColumns(List<PaintedView> views, Pane columns, List<T> shown,
                                Function<? super T, ? extends Painter> painter) {
        while (views.size() < shown.size()) {
            PaintedView v = new PaintedView((g, w, h) -> { });
            HBox.setHgrow(v, Priority.ALWAYS);
            v.setPrefWidth(10);
            views.add(v);
        }
        columns.getChildren().setAll(views.subList(0, shown.size()));
        for (int i = 0; i < shown.size(); i++) {
            views.get(i).setPainter(painter.apply(shown.get(i)));
        }
    }
}
