package org.trainlab.ui.charts;

import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.util.Subscription;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.MeasuringGraphics;
import org.trainlab.ui.theme.Palette;

/** A small step chart of the learning rate each planned epoch will use, beside the scheduler's fields. */
public final class LrPreviewChart {

    private final XYSeries rates = new XYSeries("lr", true, true);
    private final ChartViewer viewer;
    private final Subscription subscription;

    public LrPreviewChart(ObservableValue<double[]> preview, Messages messages, ObservableDoubleValue zoom) {
        NumberAxis x = ChartStyle.epochAxis(messages.get("chart.epoch"));
        NumberAxis y = new NumberAxis();
        y.setNumberFormatOverride(ChartStyle.shortNumbers());
        XYLineAndShapeRenderer renderer = ChartStyle.lines(false);
        renderer.setSeriesPaint(0, Palette.LR);
        XYPlot plot = new XYPlot(new XYSeriesCollection(rates), x, y, renderer);
        JFreeChart chart = ChartStyle.chart(plot, false, zoom.get());
        viewer = new ChartViewer(chart);
        MeasuringGraphics.install(viewer.getCanvas());
        viewer.setId("lr-preview");
        viewer.getStyleClass().add("lr-preview");
        Subscription onPreview = preview.subscribe(values -> {
            rates.setNotify(false);
            rates.clear();
            // each epoch's rate held over the epoch: a step chart, as the schedule acts
            for (int e = 0; e < values.length; e++) {
                rates.add(e, values[e], false);
                rates.add(e + 1, values[e], false);
            }
            rates.setNotify(true);
            rates.fireSeriesChanged();
            x.setRange(0, Math.max(1, values.length));
        });
        Subscription onZoom = zoom.subscribe(z -> {
            ChartStyle.applyZoom(chart, z.doubleValue() * 0.9);
            renderer.setSeriesStroke(0, ChartStyle.solid(z.doubleValue(), 2f));
        });
        subscription = onPreview.and(onZoom);
    }

    public Node node() {
        return viewer;
    }

    public void dispose() {
        subscription.unsubscribe();
    }
}
