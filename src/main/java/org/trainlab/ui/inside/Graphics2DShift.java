package org.trainlab.ui.inside;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.function.Consumer;

/**
 * Draws with the origin moved, then puts it back. Not through {@code Graphics2D.create()}: the
 * window's FXGraphics2D shares one canvas state between copies, so a copy's translation would stay.
 */
final class Graphics2DShift {

    private Graphics2DShift() {
    }

    static void shifted(Graphics2D g, double dx, double dy, Consumer<Graphics2D> draw) {
        AffineTransform saved = g.getTransform();
        try {
            g.translate(dx, dy);
            draw.accept(g);
        } finally {
            g.setTransform(saved);
        }
    }
}
