package org.trainlab.ui.charts;

import java.util.List;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.HoverTooltip;
import org.trainlab.ui.theme.Palette;

/**
 * The legend above the charts: one entry per run shown, a bar in its colour, its name and what it
 * changed. A click shows or hides the run on the charts (a hidden run's entry fades); a right click
 * offers the palette to change the run's colour.
 */
final class ChartLegend {

    private static final PseudoClass HIDDEN = PseudoClass.getPseudoClass("hidden-run");

    private final Messages messages;
    private final ChartOptions options;
    private final FlowPane pane = new FlowPane();
    private ContextMenu open;

    ChartLegend(Messages messages, ChartOptions options) {
        this.messages = messages;
        this.options = options;
        pane.setId("chart-legend");
        pane.getStyleClass().add("chart-legend");
        pane.setMinWidth(0); // long names wrap or shorten; they never widen the window
    }

    FlowPane node() {
        return pane;
    }

    void fill(List<ChartsModel.Overlay> runs) {
        pane.getChildren().clear();
        for (ChartsModel.Overlay o : runs) {
            if (o.faint()) {
                continue; // a group's seed in training: its group's entry shows and hides it
            }
            Region bar = new Region();
            bar.getStyleClass().addAll("legend-bar", "run-color-" + Math.floorMod(o.colorIndex(), Palette.RUN_COLORS));
            Label text = new Label(o.label());
            text.getStyleClass().add("legend-text");
            new HoverTooltip(text, false).setText(o.detail() + "\n" + messages.get("chart.legend.hint"));
            HBox entry = new HBox(bar, text);
            entry.getStyleClass().add("legend-entry");
            entry.setId("legend-" + o.runId());
            entry.setUserData(o.runId());
            entry.setAlignment(Pos.CENTER_LEFT);
            entry.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    options.toggleHidden(o.runId());
                }
            });
            entry.setOnContextMenuRequested(e -> {
                if (open != null) {
                    open.hide();
                }
                open = ColorMenu.create(messages, o.colorIndex(), c -> options.chooseColor(o.runId(), c));
                open.show(entry, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            pane.getChildren().add(entry);
        }
        markHidden();
        pane.setVisible(!runs.isEmpty());
        pane.setManaged(!runs.isEmpty());
    }

    /** Fades the entries of hidden runs. */
    void markHidden() {
        pane.getChildren().forEach(n -> n.pseudoClassStateChanged(HIDDEN, options.isHidden((String) n.getUserData())));
    }
}
