package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.trainlab.ui.charts.BackgroundChartView;
import org.trainlab.experiment.text.Messages;

/**
 * Layer health: per run shown, the weights of each layer over the epochs as heat strips; the
 * activations and the gradients of both runs on shared charts; the activation std per layer.
 */
final class LayersPage implements InsidePage {

    private final InsideViewModel vm;
    private final Messages messages;
    private final DoubleSupplier zoom;
    private final VBox content = new VBox();
    private final javafx.scene.control.ScrollPane root = new javafx.scene.control.ScrollPane(content);
    /** The charts' views: weights per run, then activations, gradients and std per layer. */
    private final List<BackgroundChartView> views = new ArrayList<>();
    private LayerRefresh.Shape shape;
    /** Charts built afresh, charts refilled in place: what the tests and the timing read. */
    private final int[] rebuilds = new int[2];

    LayersPage(InsideViewModel vm, Messages messages, DoubleSupplier zoom) {
        this.vm = vm;
        this.messages = messages;
        this.zoom = zoom;
        content.getStyleClass().addAll("inside-page", "inside-layers");
        root.setId("inside-layers");
        root.setFitToWidth(true);
        // each layer keeps a readable row: the page scrolls rather than squeezing six rows into a few pixels
        root.viewportBoundsProperty().subscribe(b -> content.setMinHeight(Math.max(b.getHeight(), minHeight())));
    }

    /** Room for every layer's row in the per-layer charts, and for the std chart under them. */
    private double minHeight() {
        double z = zoom.getAsDouble();
        int layers = vm.shownProperty().get().stream()
                .mapToInt(s -> LayerCharts.Series.of(s.run(), s.epoch()).layers().size()).max().orElse(6);
        return (Math.max(3, layers) * 58 + 110) * z + 260 * z;
    }

    @Override
    public Node node() {
        return root;
    }

    /** The runs shown, each up to the epoch shown. */
    private List<LayerCharts.Series> series() {
        List<LayerCharts.Series> series = new ArrayList<>();
        for (InsideViewModel.Shown s : vm.shownProperty().get()) {
            series.add(LayerCharts.Series.of(s.run(), s.epoch()));
        }
        return List.copyOf(series);
    }

    @Override
    public void update() {
        List<LayerCharts.Series> series = series();
        LayerRefresh.Shape now = LayerRefresh.Shape.of(series, zoom.getAsDouble());
        if (now.equals(shape) && !views.isEmpty()) {
            // same runs, layers and zoom: the charts stay, their datasets are refilled and each is drawn
            // again, on the drawing thread (the series are immutable records)
            for (int i = 0; i < series.size(); i++) {
                LayerCharts.Series run = series.get(i);
                views.get(i).change(chart -> LayerRefresh.weights(chart, run));
            }
            int n = series.size();
            views.get(n).change(chart -> LayerRefresh.activations(chart, series));
            views.get(n + 1).change(chart -> LayerRefresh.gradients(chart, series));
            views.get(n + 2).change(chart -> LayerRefresh.stdPerLayer(chart, series));
            rebuilds[1]++;
            return;
        }
        shape = now;
        rebuilds[0]++;
        LayerCharts charts = new LayerCharts(messages, zoom.getAsDouble());
        views.clear();
        HBox top = new HBox();
        top.getStyleClass().add("inside-columns");
        for (LayerCharts.Series s : series) {
            top.getChildren().add(card(messages.format("inside.layers.weights", s.name()), charts.weights(s)));
        }
        top.getChildren().add(card(messages.get("inside.layers.activations"), charts.activations(series)));
        top.getChildren().add(card(messages.get("inside.layers.gradients"), charts.gradients(series)));
        top.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        Node bottom = card(messages.get("inside.layers.stdPerLayer"), charts.stdPerLayer(series));
        VBox.setVgrow(top, Priority.ALWAYS);
        double z = zoom.getAsDouble();
        ((VBox) bottom).setMinHeight(240 * z);
        ((VBox) bottom).setPrefHeight(260 * z);
        content.getChildren().setAll(top, bottom);
        content.setMinHeight(Math.max(root.getViewportBounds().getHeight(), minHeight()));
    }

    /** The next update builds the charts afresh (after a change of language or theme, or to time a rebuild). */
    void rebuildNextTime() {
        shape = null;
    }

    /** How often the page built its charts afresh ([0]) and refilled them in place ([1]). */
    int[] rebuilds() {
        return rebuilds.clone();
    }

    /**
     * The charts on the page now, weights first, then activations, gradients and std per layer, once the
     * drawing thread has made every change asked of it (their data is that thread's).
     */
    List<JFreeChart> charts() {
        BackgroundChartView.awaitDrawn();
        return views.stream().map(BackgroundChartView::chart).toList();
    }

    /** A card with the chart drawn on the drawing thread; from here on the chart is that thread's. */
    private Node card(String title, JFreeChart chart) {
        Label label = new Label(title);
        label.getStyleClass().add("chart-title");
        BackgroundChartView viewer = new BackgroundChartView(chart);
        views.add(viewer);
        viewer.setMinSize(60, 60); // no menu of its own: the Inside view's Export saves the page
        VBox.setVgrow(viewer, Priority.ALWAYS);
        VBox box = new VBox(label, viewer);
        box.getStyleClass().add("chart-card");
        box.setMinSize(0, 0);
        box.setPrefWidth(10);
        return box;
    }

    @Override
    public Painter picture() {
        // charts of their own, of what the view model holds now: those on screen belong to the drawing thread
        List<LayerCharts.Series> series = series();
        LayerCharts charts = new LayerCharts(messages, zoom.getAsDouble());
        List<Painter> top = new ArrayList<>();
        series.forEach(s -> top.add(Pictures.chart(charts.weights(s))));
        top.add(Pictures.chart(charts.activations(series)));
        top.add(Pictures.chart(charts.gradients(series)));
        return Pictures.rows(List.of(top, List.of(Pictures.chart(charts.stdPerLayer(series)))), new double[] {2, 1});
    }
}
