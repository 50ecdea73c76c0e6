package org.trainlab.ui.inside;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

import org.trainlab.ui.theme.Palette;

/**
 * Small images in labelled rows: the first layer's filters (signed: blue positive, orange negative,
 * one scale for all, so strong and weak filters compare), the picked digit, then each conv layer's
 * feature maps for it (after ReLU, dark where a map responds). Rows share the height; each row wraps
 * its images to fit the width.
 */
final class MapsPainter implements Painter {

    /** What a row's values mean, and so how they are coloured. */
    enum Kind { SIGNED, POSITIVE, DIGIT }

    /** A labelled row of images of {@code width x height}, each a float array. */
    record Row(String label, Kind kind, int width, int height, List<float[]> images) {
    }

    private final List<Row> rows;
    private final String empty;
    private final double zoom;

    MapsPainter(List<Row> rows, String empty, double zoom) {
        this.rows = rows;
        this.empty = empty;
        this.zoom = zoom;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        Font label = Draw.font(zoom, 11, true);
        if (rows.isEmpty()) {
            Draw.text(g, empty, 8 * zoom, 20 * zoom, Draw.font(zoom, 11, false), Palette.MUTED);
            return;
        }
        double labelH = 16 * zoom;
        double gap = 3 * zoom;
        double usable = width - 16 * zoom;
        // the height each row may take, in proportion to how many lines of images it needs at a common size
        double side = bestSide(usable, height - rows.size() * (labelH + 6 * zoom), gap);
        double y = 4 * zoom;
        for (Row row : rows) {
            Draw.text(g, row.label(), 8 * zoom, y + 12 * zoom, label, Palette.TEXT);
            y += labelH;
            double s = row.kind() == Kind.SIGNED ? Math.min(side * 1.6, 64 * zoom) : side;
            int perLine = Math.max(1, (int) ((usable + gap) / (s + gap)));
            double scale = row.kind() == Kind.SIGNED ? maxAbs(row.images()) : 0;
            for (int i = 0; i < row.images().size(); i++) {
                double x = 8 * zoom + (i % perLine) * (s + gap);
                double iy = y + (i / perLine) * (s + gap);
                float[] img = row.images().get(i);
                switch (row.kind()) {
                    case SIGNED -> Draw.signed(g, img, row.width(), row.height(), scale, x, iy, s, s);
                    case POSITIVE -> Draw.positive(g, img, row.width(), row.height(), x, iy, s, s);
                    case DIGIT -> Draw.image(g, img, row.width(), row.height(), x, iy, s, s, true);
                }
                Draw.frame(g, x, iy, s, s, Palette.GRID, 0.5f);
            }
            int lines = (row.images().size() + perLine - 1) / perLine;
            y += lines * (s + gap) + 6 * zoom;
        }
    }

    /** The largest common image side at which every row fits into the height. */
    private double bestSide(double usable, double height, double gap) {
        double lo = 4;
        double hi = 96 * zoom;
        for (int step = 0; step < 30; step++) {
            double mid = (lo + hi) / 2;
            double total = 0;
            for (Row row : rows) {
                double s = row.kind() == Kind.SIGNED ? Math.min(mid * 1.6, 64 * zoom) : mid;
                int perLine = Math.max(1, (int) ((usable + gap) / (s + gap)));
                int lines = (row.images().size() + perLine - 1) / perLine;
                total += lines * (s + gap);
            }
            if (total <= height) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double maxAbs(List<float[]> images) {
        double max = 0;
        for (float[] img : images) {
            for (float v : img) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
