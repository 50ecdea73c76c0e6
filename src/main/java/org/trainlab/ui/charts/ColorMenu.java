package org.trainlab.ui.charts;

import java.util.function.IntConsumer;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Palette;

/**
 * A run's colour, chosen from the window's palette: ten hues far apart, each with a style class, so the
 * runs list, the legend, the charts and the exports all follow the choice.
 */
public final class ColorMenu {

    private ColorMenu() {
    }

    /** A menu of the palette's colours, {@code current} checked; {@code choose} gets the index picked. */
    public static ContextMenu create(Messages messages, int current, IntConsumer choose) {
        ContextMenu menu = new ContextMenu();
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < Palette.RUN_COLORS; i++) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("color-swatch", "run-color-" + i);
            RadioMenuItem item = new RadioMenuItem(messages.get("chart.color." + i), swatch);
            item.setToggleGroup(group);
            item.setSelected(i == Math.floorMod(current, Palette.RUN_COLORS));
            int index = i;
            item.setOnAction(e -> choose.accept(index));
            menu.getItems().add(item);
        }
        return menu;
    }
}
