package org.trainlab.ui.inside;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;

/** Painters put together for export (images and SVG, where {@code create()} copies are independent): side by side, or charts in a grid. */
final class Pictures {

    private Pictures() {
    }

    /** Parts side by side, each the same width. */
    static Painter columns(List<Painter> parts) {
        return (g, w, h) -> {
            double each = w / Math.max(1, parts.size());
            for (int i = 0; i < parts.size(); i++) {
                Graphics2D part = (Graphics2D) g.create();
                try {
                    part.translate(i * each, 0);
                    part.clip(new Rectangle2D.Double(0, 0, each, h));
                    parts.get(i).paint(part, each, h);
                } finally {
                    part.dispose();
                }
            }
        };
    }

    /** A chart as a painter. */
    static Painter chart(JFreeChart chart) {
        return (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
    }

    /** Rows of parts, each row a list drawn side by side; rows share the height by the weights given. */
    static Painter rows(List<List<Painter>> rows, double[] weights) {
        return (g, w, h) -> {
            double sum = 0;
            for (double x : weights) {
                sum += x;
            }
            double y = 0;
            for (int r = 0; r < rows.size(); r++) {
                double rh = h * weights[r] / sum;
                Graphics2D part = (Graphics2D) g.create();
                try {
                    part.translate(0, y);
                    part.clip(new Rectangle2D.Double(0, 0, w, rh));
                    columns(rows.get(r)).paint(part, w, rh);
                } finally {
                    part.dispose();
                }
                y += rh;
            }
        };
    }
}
