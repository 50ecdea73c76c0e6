package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.trainlab.experiment.inside.FeatureMap;
import org.trainlab.experiment.inside.FilterBank;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Palette;

/**
 * The first layer's 16 filters, enlarged, and every conv layer's feature maps for one held-out digit
 * (picked by its number), per run shown.
 */
final class FiltersPage implements InsidePage {

    private final InsideViewModel vm;
    private final Messages messages;
    private final DoubleSupplier zoom;
    private final HBox columns = new HBox();
    private final List<PaintedView> views = new ArrayList<>();
    private final VBox root;

    FiltersPage(InsideViewModel vm, Messages messages, DoubleSupplier zoom) {
        this.vm = vm;
        this.messages = messages;
        this.zoom = zoom;
        Spinner<Integer> digit = new Spinner<>(0, 99_999, vm.pickedProperty().get());
        digit.setId("inside-digit");
        digit.setEditable(true);
        digit.setPrefWidth(110);
        digit.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.pickDigit(now);
            }
        });
        Label label = new Label(messages.get("inside.filters.digit"));
        HBox bar = new HBox(label, digit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("inside-bar");
        columns.getStyleClass().add("inside-columns");
        VBox.setVgrow(columns, Priority.ALWAYS);
        root = new VBox(bar, columns);
        root.getStyleClass().add("inside-page");
        root.setId("inside-filters");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update() {
        PaintedView.showColumns(views, columns, vm.shownProperty().get(), this::painter);
    }

    private Painter painter(InsideViewModel.Shown s) {
        List<MapsPainter.Row> rows = new ArrayList<>();
        FilterBank filters = s.epoch() == null ? null : s.epoch().firstLayerFilters();
        if (filters != null) {
            List<float[]> images = new ArrayList<>();
            float[] all = filters.values();
            int each = filters.height() * filters.width();
            for (int f = 0; f < filters.count(); f++) {
                images.add(java.util.Arrays.copyOfRange(all, f * each, (f + 1) * each));
            }
            rows.add(new MapsPainter.Row(messages.format("inside.filters.first", filters.count(), filters.height(),
                    filters.width()), MapsPainter.Kind.SIGNED, filters.width(), filters.height(), images));
        }
        Networks.Maps maps = vm.maps(s.run());
        if (maps != null) {
            rows.add(new MapsPainter.Row(messages.format("inside.filters.picked", vm.pickedProperty().get()),
                    MapsPainter.Kind.DIGIT, 28, 28, List.of(maps.digit())));
            for (FeatureMap m : maps.layers()) {
                List<float[]> images = new ArrayList<>();
                float[] all = m.values();
                int each = m.height() * m.width();
                for (int c = 0; c < m.channels(); c++) {
                    images.add(java.util.Arrays.copyOfRange(all, c * each, (c + 1) * each));
                }
                rows.add(new MapsPainter.Row(messages.format("inside.filters.maps", m.layer(), m.channels(),
                        m.height(), m.width()), MapsPainter.Kind.POSITIVE, m.width(), m.height(), images));
            }
        }
        String empty = s.run().trainedWeights() == null && filters == null ? messages.get("inside.empty")
                : messages.get("inside.filters.none");
        MapsPainter maps2 = new MapsPainter(rows, empty, zoom.getAsDouble());
        String title = s.run().name();
        java.awt.Color color = Palette.run(s.run().colorIndex());
        double z = zoom.getAsDouble();
        return (g, w, h) -> {
            g.setColor(color);
            g.fill(new java.awt.geom.Rectangle2D.Double(8 * z, 6 * z, 10 * z, 10 * z));
            java.awt.Font font = Draw.font(z, 12, true);
            Draw.text(g, Draw.fit(g, title, font, w - 30 * z), 22 * z, 16 * z, font, Palette.TEXT);
            Graphics2DShift.shifted(g, 0, 22 * z, gg -> maps2.paint(gg, w, h - 22 * z));
        };
    }

    @Override
    public Painter picture() {
        return Pictures.columns(vm.shownProperty().get().stream().map(this::painter).toList());
    }
}
