package org.trainlab.ui.inside;

import java.awt.Graphics2D;
import java.util.function.Consumer;

/** Draws with the origin moved, then puts it back. */
final class Graphics2DShift {

    private Graphics2DShift() {
    }

    static void shifted(Graphics2D g, double dx, double dy, Consumer<Graphics2D> draw) {
        Graphics2D part = (Graphics2D) g.create();
        try {
            part.translate(dx, dy);
            draw.accept(part);
        } finally {
            part.dispose();
        }
    }
}
