package org.trainlab.ui.charts;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.trainlab.experiment.text.Messages;

/**
 * The charts' controls, in the title rows of the charts they change (no row of their own, so the
 * charts keep their height on a projector): smoothing and a log axis by the loss chart's title, the x
 * axis's unit by the learning-rate chart's (the x axes are shared).
 */
final class ChartToolbar {

    private final HBox loss;
    private final HBox axis;

    ChartToolbar(ChartOptions options, Messages messages) {
        Label smoothingLabel = new Label(messages.get("chart.smoothing"));
        Slider smoothing = new Slider(0, ChartOptions.MAX_SMOOTHING, options.smoothing());
        smoothing.setId("chart-smoothing");
        smoothing.setBlockIncrement(0.05);
        smoothing.getStyleClass().add("smoothing-slider");
        smoothing.valueProperty().bindBidirectional(options.smoothingProperty());
        Tooltip hint = new Tooltip(messages.get("chart.smoothing.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        smoothing.setTooltip(hint);
        smoothingLabel.setTooltip(hint);
        smoothingLabel.setLabelFor(smoothing);
        Label value = new Label();
        value.getStyleClass().add("smoothing-value");
        value.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", options.smoothing()), options.smoothingProperty()));

        CheckBox log = new CheckBox(messages.get("chart.logLoss"));
        log.setId("chart-log-loss");
        log.selectedProperty().bindBidirectional(options.logLossProperty());

        ToggleGroup unit = new ToggleGroup();
        ToggleButton epochs = new ToggleButton(messages.get("chart.x.epochs"));
        epochs.setId("chart-x-epochs");
        ToggleButton seconds = new ToggleButton(messages.get("chart.x.seconds"));
        seconds.setId("chart-x-seconds");
        epochs.setToggleGroup(unit);
        seconds.setToggleGroup(unit);
        epochs.setUserData(ChartOptions.XUnit.EPOCHS);
        seconds.setUserData(ChartOptions.XUnit.SECONDS);
        unit.selectToggle(options.xUnitProperty().get() == ChartOptions.XUnit.SECONDS ? seconds : epochs);
        unit.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                unit.selectToggle(old); // one of the two stays pressed
            } else {
                options.xUnitProperty().set((ChartOptions.XUnit) now.getUserData());
            }
        });
        HBox units = new HBox(epochs, seconds);
        units.getStyleClass().add("x-unit");

        loss = tools(smoothingLabel, smoothing, value, log);
        axis = tools(new Label(messages.get("chart.x.label")), units);
    }

    /** A row that gives way (its texts shorten) rather than widen its chart's card on a narrow screen. */
    private static HBox tools(javafx.scene.Node... nodes) {
        HBox box = new HBox(nodes);
        box.setMinWidth(0);
        box.getStyleClass().add("chart-toolbar");
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    /** Smoothing and the log axis, for the loss chart's title row. */
    Node lossTools() {
        return loss;
    }

    /** The x axis's unit, for the learning-rate chart's title row. */
    Node axisTools() {
        return axis;
    }
}
