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
import org.trainlab.ui.theme.Fonts;

/**
 * The events of the marked runs ({@link MarkedRuns}: the highlighted run, and every run shown while few
 * are) as lines across every chart ({@link EventMarkers}). The highlighted run's are labelled once where
 * they are read: learning-rate changes with their reason on the learning-rate chart, the best epoch and a
 * divergence on the accuracy chart (the loss chart marks it already); the others' are thin and unlabelled.
 */
final class MarkerLayer {

    private final ChartsModel model;
    private final Messages messages;
    private final Map<String, JFreeChart> charts;
    private final DoubleSupplier zoom;
    private final List<ValueMarker> added = new ArrayList<>();
    private final List<XYPlot> on = new ArrayList<>();
    private List<MarkedRuns.Marked> drawn = List.of();

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
        drawn = MarkedRuns.of(model);
        ChartOptions.XUnit unit = model.options().xUnitProperty().get();
        for (MarkedRuns.Marked run : drawn) {
            RunExtras extras = model.extras(run.runId());
            if (extras != null) {
                draw(run, extras, unit);
            }
        }
    }

    /** Whether the runs marked or their events changed since the last {@link #update()} (asked after every drain). */
    boolean stale() {
        return !MarkedRuns.of(model).equals(drawn);
    }

    /**
     * The highlighted run's markers as before: labelled, in its colour (learning-rate changes in the rate's
     * colour). Another run's: thin, fainter lines in its own colour without labels; the hover table names them.
     */
    private void draw(MarkedRuns.Marked run, RunExtras extras, ChartOptions.XUnit unit) {
        Color color = Palette.run(run.colorIndex());
        for (EventMarkers.Marker m : run.markers()) {
            double x = extras.toUnit(m.x(), unit);
            if (!Double.isFinite(x)) {
                continue;
            }
            boolean lr = m.kind().name().startsWith("LR_");
            Color paint = lr && run.highlighted() ? Palette.LR : color;
            String labelOn = lr ? "lr" : "accuracy";
            float width = run.highlighted() ? 1f : 0.6f;
            for (Map.Entry<String, JFreeChart> chart : charts.entrySet()) {
                if (m.kind() == EventMarkers.Kind.DIVERGED && chart.getKey().equals("loss")) {
                    continue;
                }
                ValueMarker marker = new ValueMarker(x, Palette.faint(paint, run.highlighted() ? 0xB0 : 0x70),
                        m.kind() == EventMarkers.Kind.BEST ? ChartStyle.solid(zoom.getAsDouble(), width)
                                : ChartStyle.dashed(zoom.getAsDouble(), width));
                if (run.highlighted() && chart.getKey().equals(labelOn)) {
                    marker.setLabel(label(m));
                    marker.setLabelFont(Fonts.chart(false,
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
        return label(messages, m);
    }

    /** The marker's text: the rate's change with the scheduler's reason, the best accuracy, or a divergence. */
    static String label(Messages messages, EventMarkers.Marker m) {
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
