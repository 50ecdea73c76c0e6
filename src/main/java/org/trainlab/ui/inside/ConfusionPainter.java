package org.trainlab.ui.inside;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Optional;

import org.trainlab.ui.theme.Palette;

/**
 * One confusion matrix per run shown, side by side: counts in the cells, colour by the share of the
 * row (blue on the diagonal, orange off it), the selected cell framed. Rows are the true class,
 * columns the answer.
 */
final class ConfusionPainter implements Painter {

    /** A matrix to draw: the run's name and colour, its counts (null: none yet). */
    record Matrix(String name, Color color, int[][] counts) {
    }

    /** A cell of the {@code matrix}-th matrix shown. */
    record Cell(int matrix, int trueClass, int predicted) {
    }

    private final List<Matrix> matrices;
    private final Cell selected;
    private final String trueLabel;
    private final String predictedLabel;
    private final String empty;
    private final double zoom;

    ConfusionPainter(List<Matrix> matrices, Cell selected, String trueLabel, String predictedLabel, String empty,
                     double zoom) {
        this.matrices = matrices;
        this.selected = selected;
        this.trueLabel = trueLabel;
        this.predictedLabel = predictedLabel;
        this.empty = empty;
        this.zoom = zoom;
    }

    /** The grid of matrix {@code index} in a {@code width x height} area. */
    Rectangle2D grid(int index, double width, double height) {
        int n = Math.max(1, matrices.size());
        double margin = 24 * zoom;
        double top = 30 * zoom;
        double slot = width / n;
        double side = Math.max(10, Math.min(slot - 2 * margin - 10 * zoom, height - top - margin - 4 * zoom));
        double x = index * slot + margin + Math.max(0, (slot - 2 * margin - side) / 2);
        return new Rectangle2D.Double(x, top + margin, side, side);
    }

    /** The cell under a point, if any. */
    Optional<Cell> cellAt(double x, double y, double width, double height) {
        for (int i = 0; i < matrices.size(); i++) {
            int[][] counts = matrices.get(i).counts();
            Rectangle2D r = grid(i, width, height);
            if (counts != null && r.contains(x, y)) {
                int k = counts.length;
                int p = (int) ((x - r.getX()) / r.getWidth() * k);
                int t = (int) ((y - r.getY()) / r.getHeight() * k);
                return Optional.of(new Cell(i, Math.min(k - 1, t), Math.min(k - 1, p)));
            }
        }
        return Optional.empty();
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        Font label = Draw.font(zoom, 11, false);
        Font title = Draw.font(zoom, 12, true);
        for (int i = 0; i < matrices.size(); i++) {
            Matrix m = matrices.get(i);
            Rectangle2D r = grid(i, width, height);
            g.setColor(m.color());
            g.fill(new Rectangle2D.Double(r.getX(), 8 * zoom, 12 * zoom, 12 * zoom));
            Draw.text(g, Draw.fit(g, m.name(), title, r.getWidth() - 16 * zoom), r.getX() + 16 * zoom, 19 * zoom,
                    title, Palette.TEXT);
            if (m.counts() == null) {
                double room = (i + 1) * width / matrices.size() - r.getX() - 8 * zoom;
                Draw.text(g, Draw.fit(g, empty, label, room), r.getX(), r.getY() + 14 * zoom, label, Palette.MUTED);
                continue;
            }
            paintMatrix(g, m.counts(), r, selected != null && selected.matrix() == i ? selected : null, label);
        }
    }

    private void paintMatrix(Graphics2D g, int[][] counts, Rectangle2D r, Cell selectedHere, Font label) {
        int k = counts.length;
        double cell = r.getWidth() / k;
        Font number = Draw.font(zoom, (float) Math.max(7, Math.min(11, cell / zoom * 0.36)), false);
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                double share = ConfusionMath.rowShare(counts, t, p);
                // off the diagonal a few percent already matter: a stronger colour for small shares
                double shown = t == p ? share : Math.sqrt(share);
                Color fill = Draw.blend(t == p ? Draw.RIGHT : Draw.WRONG, shown);
                double x = r.getX() + p * cell;
                double y = r.getY() + t * cell;
                g.setColor(fill);
                g.fill(new Rectangle2D.Double(x, y, cell, cell));
                if (counts[t][p] > 0 && cell > 12) {
                    Color ink = shown > 0.55 ? Color.WHITE : Palette.TEXT;
                    Draw.centred(g, Integer.toString(counts[t][p]), x + cell / 2, y + cell / 2 + cell * 0.15,
                            number, ink);
                }
            }
            Draw.centred(g, Integer.toString(t), r.getX() - 8 * zoom, r.getY() + (t + 0.5) * cell + 4 * zoom, label,
                    Palette.MUTED);
            Draw.centred(g, Integer.toString(t), r.getX() + (t + 0.5) * cell, r.getY() - 5 * zoom, label,
                    Palette.MUTED);
        }
        Draw.frame(g, r.getX(), r.getY(), r.getWidth(), r.getHeight(), Palette.GRID, 1f);
        Draw.text(g, predictedLabel + " →", r.getX(), r.getY() - 17 * zoom, label, Palette.MUTED);
        java.awt.geom.AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, r.getX() - 18 * zoom, r.getMaxY());
        Draw.text(g, trueLabel + " →", r.getX() - 18 * zoom, r.getMaxY(), label, Palette.MUTED);
        g.setTransform(saved);
        if (selectedHere != null) {
            Draw.frame(g, r.getX() + selectedHere.predicted() * cell, r.getY() + selectedHere.trueClass() * cell, cell,
                    cell, Palette.TEXT, (float) (2.5 * zoom));
        }
    }
}
