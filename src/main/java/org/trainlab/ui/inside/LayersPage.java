package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.trainlab.ui.i18n.Messages;

/**
 * Layer health: per run shown, the weights of each layer over the epochs as heat strips; the
 * activations and the gradients of both runs on shared charts; the activation std per layer.
 */
final class LayersPage implements InsidePage {

    private final InsideViewModel vm;
    private final Messages messages;
    private final DoubleSupplier zoom;
    private final GridPane root = new GridPane();
    private final List<JFreeChart> weightCharts = new ArrayList<>();
    private JFreeChart activations;
    private JFreeChart gradients;
    private JFreeChart std;

    LayersPage(InsideViewModel vm, Messages messages, DoubleSupplier zoom) {
        this.vm = vm;
        this.messages = messages;
        this.zoom = zoom;
        root.getStyleClass().addAll("inside-page", "inside-layers");
        root.setId("inside-layers");
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints col = new javafx.scene.layout.ColumnConstraints();
            col.setPercentWidth(50);
            root.getColumnConstraints().add(col);
        }
        for (int r = 0; r < 2; r++) {
            javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
            row.setPercentHeight(50);
            root.getRowConstraints().add(row);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update() {
        LayerCharts charts = new LayerCharts(messages, zoom.getAsDouble());
        List<LayerCharts.Series> series = new ArrayList<>();
        for (InsideViewModel.Shown s : vm.shownProperty().get()) {
            series.add(LayerCharts.Series.of(s.run(), s.epoch()));
        }
        weightCharts.clear();
        HBox weights = new HBox();
        for (LayerCharts.Series s : series) {
            JFreeChart chart = charts.weights(s);
            weightCharts.add(chart);
            Node card = card(messages.format("inside.layers.weights", s.name()), chart);
            HBox.setHgrow(card, Priority.ALWAYS);
            weights.getChildren().add(card);
        }
        activations = charts.activations(series);
        gradients = charts.gradients(series);
        std = charts.stdPerLayer(series);
        root.getChildren().clear();
        root.add(weights, 0, 0);
        root.add(card(messages.get("inside.layers.activations"), activations), 1, 0);
        root.add(card(messages.get("inside.layers.gradients"), gradients), 0, 1);
        root.add(card(messages.get("inside.layers.stdPerLayer"), std), 1, 1);
    }

    private static Node card(String title, JFreeChart chart) {
        Label label = new Label(title);
        label.getStyleClass().add("chart-title");
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setMinSize(60, 60);
        // no menu of its own: the Inside view's Export saves the page
        if (viewer.getContextMenu() != null) {
            viewer.getContextMenu().getItems().clear();
        }
        VBox.setVgrow(viewer, Priority.ALWAYS);
        VBox box = new VBox(label, viewer);
        box.getStyleClass().add("chart-card");
        box.setMinSize(0, 0);
        box.setPrefWidth(10);
        return box;
    }

    @Override
    public Painter picture() {
        if (activations == null) {
            update();
        }
        List<Painter> top = new ArrayList<>();
        weightCharts.forEach(c -> top.add(Pictures.chart(c)));
        top.add(Pictures.chart(activations));
        return Pictures.rows(List.of(top, List.of(Pictures.chart(gradients), Pictures.chart(std))), new double[] {1, 1});
    }
}
