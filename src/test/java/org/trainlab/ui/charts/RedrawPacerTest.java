package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Many charts changed at once are drawn one per pulse, each once, every one in the end. */
@ExtendWith(ApplicationExtension.class)
class RedrawPacerTest {

    private final List<XYSeries> series = new ArrayList<>();
    private final List<JFreeChart> charts = new ArrayList<>();
    private final List<ChartViewer> viewers = new ArrayList<>();
    private HBox row;
    /** Counts the pulses, so a test can see in which pulse a chart was drawn. */
    private final AtomicLong pulses = new AtomicLong();
    private final AnimationTimer counter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulses.incrementAndGet();
        }
    };

    @Start
    void start(Stage stage) {
        row = new HBox();
        for (int i = 0; i < 4; i++) {
            XYSeries s = new XYSeries("run " + i);
            series.add(s);
            JFreeChart chart = ChartStyle.chart(new XYPlot(new XYSeriesCollection(s),
                    new NumberAxis("epoch"), new NumberAxis("loss"), ChartStyle.lines(false)), false, 1.0);
            charts.add(chart);
            ChartViewer viewer = new ChartViewer(chart);
            viewers.add(viewer);
            // as the Inside view's cards hold them: the cards share the row's width
            VBox card = new VBox(viewer);
            card.setPrefWidth(10);
            VBox.setVgrow(viewer, Priority.ALWAYS);
            HBox.setHgrow(card, Priority.ALWAYS);
            row.getChildren().add(card);
        }
        row.setPrefSize(800, 300);
        // a plain pane sizes the row to its preferred size, which the test changes
        stage.setScene(new Scene(new Pane(row), 1400, 300));
        stage.show();
        counter.start();
    }

    @AfterEach
    void stop() {
        counter.stop();
    }

    @Test
    void fourChartsChangedInOneEventAreToldOneAPulseAndEachOnce() throws Exception {
        settle();
        List<Long> toldAt = new ArrayList<>();
        for (JFreeChart chart : charts) {
            chart.addChangeListener(e -> toldAt.add(pulses.get()));
        }
        long changedAt = WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < series.size(); i++) {
                series.get(i).add(1, 0.9);
                series.get(i).add(2, 0.5 + i);
            }
            return pulses.get();
        }).get();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> toldAt.size() == charts.size() && RedrawPacer.pending() == 0).get());
        // the first just after the event (a pulse may come between the event and the runnable it posted)
        assertTrue(toldAt.get(0) <= changedAt + 1, "the first at once: changed at pulse " + changedAt + ", told " + toldAt);
        assertEquals(charts.size(), new HashSet<>(toldAt).size(), "each in a pulse of its own: " + toldAt);
    }

    /** Every redraw still waiting is done. */
    private static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(ChartStyle::drawPending).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
