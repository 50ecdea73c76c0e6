package org.trainlab.ui.inside;

import java.awt.Graphics2D;

/**
 * Draws one of the Inside views into any Java2D surface: the window's canvas (through FXGraphics2D),
 * a PNG image or an SVG document, so what is exported is what is shown. Reads only numbers the
 * view model copied; called on the FX thread.
 */
@FunctionalInterface
public interface Painter {

    void paint(Graphics2D g, double width, double height);
}
