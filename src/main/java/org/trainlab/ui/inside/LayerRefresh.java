package org.trainlab.ui.inside;

import java.awt.Color;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;

/**
 * Refills the layer-health charts {@link LayerCharts} built, in place: each series is cleared and
 * filled with its notifications off and announced once, and each chart is redrawn once at the end
 * (its notifications are held meanwhile). Valid only while the charts' {@link Shape} is unchanged.
 */
final class LayerRefresh {

    /** What the charts' make-up depends on: the runs shown (name, colour, layers) and the zoom. */
    record Shape(List<String> names, List<Color> colors, List<List<String>> layers, double zoom) {
        static Shape of(List<LayerCharts.Series> runs, double zoom) {
            return new Shape(runs.stream().map(LayerCharts.Series::name).toList(),
                    runs.stream().map(LayerCharts.Series::color).toList(),
                    runs.stream().map(LayerCharts.Series::layers).toList(), zoom);
        }
    }

    private LayerRefresh() {
    }

    static void weights(JFreeChart chart, LayerCharts.Series run) {
        hold(chart, () -> {
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
            epochs(combined, run.epochs().size());
            List<String> layers = run.layers();
            for (int i = 0; i < layers.size(); i++) {
                XYPlot sub = ((XYPlot) combined.getSubplots().get(i));
                LayerCharts.Heat heat = LayerCharts.heat(run, layers.get(i));
                ((XYBlockRenderer) sub.getRenderer()).setBlockHeight(2 * heat.range() / LayerCharts.BINS);
                ((NumberAxis) sub.getRangeAxis()).setRange(-heat.range(), heat.range());
                ((HeatDataset) sub.getDataset()).set(heat.xyz());
            }
        });
    }

    static void activations(JFreeChart chart, List<LayerCharts.Series> runs) {
        hold(chart, () -> {
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
            epochs(combined, LayerCharts.maxEpochs(runs));
            List<String> layers = LayerCharts.layers(runs);
            for (int l = 0; l < layers.size(); l++) {
                XYPlot sub = ((XYPlot) combined.getSubplots().get(l));
                XYSeriesCollection values = (XYSeriesCollection) sub.getDataset(0);
                XYSeriesCollection zeros = (XYSeriesCollection) sub.getDataset(1);
                for (int r = 0; r < runs.size(); r++) {
                    String layer = layers.get(l);
                    List<InsideEpoch> epochs = runs.get(r).epochs();
                    fill(values.getSeries(2 * r), epochs, layer, LayerProbe::activationStd);
                    fill(values.getSeries(2 * r + 1), epochs, layer, LayerProbe::activationMean);
                    fill(zeros.getSeries(r), epochs, layer, LayerProbe::zeroFraction);
                }
            }
        });
    }

    static void gradients(JFreeChart chart, List<LayerCharts.Series> runs) {
        hold(chart, () -> {
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
            epochs(combined, LayerCharts.maxEpochs(runs));
            List<String> layers = LayerCharts.layers(runs);
            for (int l = 0; l < layers.size(); l++) {
                XYSeriesCollection values = (XYSeriesCollection) ((XYPlot) combined.getSubplots().get(l)).getDataset(0);
                for (int r = 0; r < runs.size(); r++) {
                    String layer = layers.get(l);
                    List<InsideEpoch> epochs = runs.get(r).epochs();
                    fill(values.getSeries(2 * r), epochs, layer, LayerProbe::log10UpdateRatio);
                    fill(values.getSeries(2 * r + 1), epochs, layer,
                            p -> p.gradientNorm() > 0 ? Math.log10(p.gradientNorm()) : Double.NaN);
                }
            }
        });
    }

    static void stdPerLayer(JFreeChart chart, List<LayerCharts.Series> runs) {
        hold(chart, () -> {
            XYSeriesCollection data = (XYSeriesCollection) ((XYPlot) chart.getPlot()).getDataset();
            List<String> layers = LayerCharts.layers(runs);
            for (int r = 0; r < runs.size(); r++) {
                List<InsideEpoch> epochs = runs.get(r).epochs();
                XYSeries std = data.getSeries(r);
                std.setNotify(false);
                std.clear();
                if (!epochs.isEmpty()) {
                    InsideEpoch last = epochs.get(epochs.size() - 1);
                    for (int i = 0; i < layers.size(); i++) {
                        LayerProbe p = last.layer(layers.get(i));
                        if (p != null && p.activationStd() > 0) {
                            std.add(i, p.activationStd(), false);
                        }
                    }
                }
                std.setNotify(true);
            }
        });
    }

    private static void fill(XYSeries series, List<InsideEpoch> epochs, String layer,
                             java.util.function.ToDoubleFunction<LayerProbe> value) {
        series.setNotify(false);
        series.clear();
        for (InsideEpoch e : epochs) {
            LayerProbe p = e.layer(layer);
            if (p != null) {
                series.add(e.epoch(), LayerCharts.finite(value.applyAsDouble(p)), false);
            }
        }
        // setNotify(true) sends the one fireSeriesChanged of this update
        series.setNotify(true);
    }

    private static void epochs(CombinedDomainXYPlot combined, int epochs) {
        combined.getDomainAxis().setRange(0.5, Math.max(1, epochs) + 0.5);
    }

    /** The chart redrawn once, after the change, however many datasets the change touched. */
    private static void hold(JFreeChart chart, Runnable change) {
        chart.setNotify(false);
        try {
            change.run();
        } finally {
            chart.setNotify(true);
        }
    }
}
