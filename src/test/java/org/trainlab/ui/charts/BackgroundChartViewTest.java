package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A chart drawn on the drawing thread: never on the FX thread, only while shown, changed in order, then pictured. */
@ExtendWith(ApplicationExtension.class)
class BackgroundChartViewTest {

    private static final Color BACKGROUND = new Color(0x20, 0xA0, 0x40);

    private final Set<String> drawnOn = ConcurrentHashMap.newKeySet();
    private final XYSeries series = new XYSeries("s");
    private BackgroundChartView view;
    private StackPane holder;

    @Start
    void start(Stage stage) {
        series.add(1, 1);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis(), new NumberAxis(),
                new XYLineAndShapeRenderer());
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false) {
            @Override
            public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, ChartRenderingInfo info) {
                drawnOn.add(Thread.currentThread().getName());
                super.draw(g2, area, anchor, info);
            }
        };
        chart.setBackgroundPaint(BACKGROUND);
        view = new BackgroundChartView(chart);
        holder = new StackPane(view);
        stage.setScene(new Scene(holder, 300, 200));
        stage.show();
    }

    private Image settled() {
        BackgroundChartView.awaitDrawn();
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(view::picture));
    }

    @Test
    void theChartIsDrawnOffTheFxThreadAndShownAsAPictureOfTheViewsSize() {
        Image picture = settled();
        assertNotNull(picture, "drawn once laid out");
        assertFalse(drawnOn.isEmpty());
        assertFalse(drawnOn.contains(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()))),
                "never on the FX thread: " + drawnOn);
        double[] size = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> new double[] {view.getWidth(), view.getHeight()}));
        assertTrue(size[0] > 0 && size[1] > 0);
        assertEquals(size[0], picture.getWidth(), 1, "the view's width");
        assertEquals(size[1], picture.getHeight(), 1, "the view's height");
        assertEquals(BACKGROUND.getRGB(), picture.getPixelReader().getArgb(2, 2), "the chart's own background");
    }

    @Test
    void changesRunOnTheDrawingThreadInOrderAndTheChartIsDrawnAgain() {
        settled();
        long before = view.drawings();
        Set<String> changedOn = ConcurrentHashMap.newKeySet();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            view.change(c -> {
                changedOn.add(Thread.currentThread().getName());
                series.add(2, 4);
            });
            view.change(c -> series.add(3, 9));
        }));
        settled();
        assertEquals(3, series.getItemCount(), "both changes made");
        assertEquals(Set.of("trainlab-chart-drawing"), changedOn);
        assertTrue(view.drawings() > before, "drawn again after the change");
        assertTrue(view.drawings() <= before + 2, "at most one drawing per change: " + (view.drawings() - before));
    }

    @Test
    void aDrawingOfTheSameSizeGoesIntoThePictureShownAndANewSizeGetsANewPicture() {
        Image first = settled();
        int before = first.getPixelReader().getArgb(2, 2);
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> view.change(c -> c.setBackgroundPaint(Color.ORANGE))));
        Image second = settled();
        assertSame(first, second, "the same picture, drawn into");
        assertEquals(BACKGROUND.getRGB(), before);
        assertEquals(Color.ORANGE.getRGB(), second.getPixelReader().getArgb(2, 2), "showing the new drawing");

        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> holder.getScene().getWindow().setWidth(420)));
        // the new size reaches the view at the next layout
        assertDoesNotThrow(() -> WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> settled() != first),
                "another size, another picture");
        Image wider = settled();
        assertNotSame(first, wider);
        assertEquals(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(view::getWidth)), wider.getWidth(), 1);
    }

    @Test
    void aViewNotShownIsNotDrawnUntilItShows() {
        settled();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> view.setVisible(false)));
        long hidden = view.drawings();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> view.change(c -> series.add(2, 4))));
        settled();
        assertEquals(hidden, view.drawings(), "changed while hidden, not drawn");
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> view.setVisible(true)));
        settled();
        assertEquals(hidden + 1, view.drawings(), "drawn once it shows");
    }

    @Test
    void nothingIsDrawnBeforeTheViewHasASize() {
        BackgroundChartView unsized = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            BackgroundChartView v = new BackgroundChartView(new JFreeChart(new XYPlot()));
            v.setManaged(false); // no layout gives it a size
            holder.getChildren().add(v);
            return v;
        }));
        BackgroundChartView.awaitDrawn();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, unsized.drawings());
        assertNull(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(unsized::picture)));
        Platform.runLater(() -> holder.getChildren().remove(unsized));
    }
}
