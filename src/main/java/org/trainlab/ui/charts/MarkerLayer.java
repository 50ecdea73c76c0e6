package org.trainlab.ui.charts;

import java.awt.Color;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.trainlab.experiment.text.Numbers;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Palette;

/**
 * The highlighted run's events as lines across every chart ({@link EventMarkers}), each labelled once
 * where it is read: learning-rate changes with their reason on the learning-rate chart, the best epoch
 * on the accuracy chart, a divergence on the accuracy chart (the loss chart marks it already).
 */
final class MarkerLayer {

    private final ChartsModel model;
    private final Messages messages;
    private final Map<String, JFreeChart> charts;
    private final DoubleSupplier zoom;
    private final List<ValueMarker> added = new ArrayList<>();
    private final List<XYPlot> on = new ArrayList<>();

    MarkerLayer(ChartsModel model, Messages messages, Map<String, JFreeChart> charts, DoubleSupplier zoom) {
        this.model = model;
        this.messages = messages;
        this.charts = charts;
        this.zoom = zoom;
    }

    /** Draws the markers again (new markers, another run, unit or zoom); call with the charts' notify off. */
    void update() {
        for (int i = 0; i < added.size(); i++) {
            on.get(i).removeDomainMarker(added.get(i));
        }
        added.clear();
        on.clear();
        String runId = model.highlightedProperty().get();
        RunExtras run = runId == null ? null : model.extras(runId);
        if (run == null || model.options().isHidden(runId)) {
            return;
        }
        ChartOptions.XUnit unit = model.options().xUnitProperty().get();
        Color color = model.overlaysProperty().get().stream().filter(o -> o.runId().equals(runId))
                .map(o -> Palette.run(o.colorIndex())).findFirst().orElse(Palette.MUTED);
        for (EventMarkers.Marker m : model.markersProperty().get()) {
            double x = run.toUnit(m.x(), unit);
            if (!Double.isFinite(x)) {
                continue;
            }
            boolean lr = m.kind().name().startsWith("LR_");
            Color paint = lr ? Palette.LR : color;
            String labelOn = lr ? "lr" : "accuracy";
            for (Map.Entry<String, JFreeChart> chart : charts.entrySet()) {
                if (m.kind() == EventMarkers.Kind.DIVERGED && chart.getKey().equals("loss")) {
                    continue;
                }
                ValueMarker marker = new ValueMarker(x, Palette.faint(paint, 0xB0),
                        m.kind() == EventMarkers.Kind.BEST ? ChartStyle.solid(zoom.getAsDouble(), 1f)
                                : ChartStyle.dashed(zoom.getAsDouble(), 1f));
                if (chart.getKey().equals(labelOn)) {
                    marker.setLabel(label(m));
                    marker.setLabelFont(org.trainlab.ui.theme.Fonts.chart(false,
                            (float) (ChartStyle.TICK_POINTS * zoom.getAsDouble())));
                    marker.setLabelPaint(paint);
                    marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                    marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                }
                XYPlot plot = chart.getValue().getXYPlot();
                plot.addDomainMarker(marker);
                added.add(marker);
                on.add(plot);
            }
        }
    }

    String label(EventMarkers.Marker m) {
        return switch (m.kind()) {
            case LR_STEP, LR_MILESTONE, LR_PLATEAU -> messages.format("chart.marker.lr",
                    messages.get("chart.marker." + m.kind().name()), Numbers.format(m.from()), Numbers.format(m.to()));
            case BEST -> {
                NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
                percent.setMaximumFractionDigits(1);
                yield messages.format("chart.marker.best", percent.format(m.from()));
            }
            case DIVERGED -> messages.get("chart.diverged");
        };
    }
}
