package org.trainlab.ui.theme;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip, made when the pointer first comes over the control. A tooltip is a window of its
 * own: lists and legends that made one per entry as they filled spent a preset's first click on windows
 * nobody had pointed at yet (docs/performance.md, "Ninth pass").
 */
public final class HoverTooltip {

    private final Control owner;
    private final boolean wide;
    private Tooltip tip;
    private String text;

    /** @param wide wrapped and wider, for texts of several lines */
    public HoverTooltip(Control owner, boolean wide) {
        this.owner = owner;
        this.wide = wide;
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> show());
    }

    /** What the tooltip says; none for null or empty text. */
    public void setText(String text) {
        this.text = text == null || text.isEmpty() ? null : text;
        if (tip != null) {
            show();
        }
    }

    private void show() {
        if (text == null) {
            owner.setTooltip(null);
            return;
        }
        if (tip == null) {
            tip = new Tooltip();
            if (wide) {
                tip.setWrapText(true);
                tip.getStyleClass().add("wide-tooltip");
            }
        }
        tip.setText(text);
        if (owner.getTooltip() != tip) {
            owner.setTooltip(tip);
        }
    }
}
