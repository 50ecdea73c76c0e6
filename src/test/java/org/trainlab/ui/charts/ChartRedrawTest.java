package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import javafx.stage.Stage;
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

/** The changes one FX event makes to a chart reach its viewer as one change, so it is drawn once. */
@ExtendWith(ApplicationExtension.class)
class ChartRedrawTest {

    @Start
    void start(Stage stage) {
        // the toolkit only; the charts here are not shown
    }

    @Test
    void severalChangesInOneEventNotifyOnceAfterIt() throws Exception {
        XYSeries series = new XYSeries("loss");
        JFreeChart chart = ChartStyle.chart(new XYPlot(new XYSeriesCollection(series), new NumberAxis("epoch"),
                new NumberAxis("loss"), new XYLineAndShapeRenderer(true, false)), false, 1.0);
        AtomicInteger heard = new AtomicInteger();
        AtomicInteger heardWithinTheEvent = new AtomicInteger(-1);
        chart.addChangeListener(e -> heard.incrementAndGet());

        WaitForAsyncUtils.asyncFx(() -> {
            series.add(1, 0.9);
            series.add(2, 0.5);
            chart.getXYPlot().getRangeAxis().setLabel("cross-entropy");
            chart.setBackgroundPaint(java.awt.Color.WHITE);
            heardWithinTheEvent.set(heard.get());
        }).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(0, heardWithinTheEvent.get(), "nothing is drawn while the event makes its changes");
        assertEquals(1, heard.get(), "four changes, one notification");

        // a change off the FX thread (an export drawing its own copy) is passed on at once
        series.add(3, 0.4);
        assertEquals(2, heard.get());
        Platform.runLater(() -> series.add(4, 0.3));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, heard.get(), "the next event is heard too");
    }
}
