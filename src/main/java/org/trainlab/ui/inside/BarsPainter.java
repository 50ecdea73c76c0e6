package org.trainlab.ui.inside;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.trainlab.ui.theme.Palette;

/**
 * The ten probabilities of a drawn digit as bars, one row per class, one bar per run shown (in the
 * run's colour), with each run's answer named on top.
 */
final class BarsPainter implements Painter {

    /** One run's answer: its name and colour, its ten probabilities (null: no answer yet or none possible). */
    record Answer(String name, Color color, double[] probabilities, String note) {
        int predicted() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    private final List<Answer> answers;
    private final String says;
    private final double zoom;

    /** @param says the pattern "{0} says {1} ({2}%)" in the window's language */
    BarsPainter(List<Answer> answers, String says, double zoom) {
        this.answers = answers;
        this.says = says;
        this.zoom = zoom;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        Font title = Draw.font(zoom, 12, true);
        Font label = Draw.font(zoom, 11, false);
        double y = 8 * zoom;
        for (Answer a : answers) {
            y += 15 * zoom;
            String text = a.probabilities() == null ? a.name() + ": " + a.note()
                    : java.text.MessageFormat.format(says, a.name(), a.predicted(),
                            Math.round(100 * a.probabilities()[a.predicted()]));
            g.setColor(a.color());
            g.fill(new Rectangle2D.Double(8 * zoom, y - 10 * zoom, 10 * zoom, 10 * zoom));
            Draw.text(g, Draw.fit(g, text, title, width - 30 * zoom), 22 * zoom, y, title, Palette.TEXT);
        }
        double top = y + 10 * zoom;
        double rowH = Math.max(8, (height - top - 6 * zoom) / 10);
        double left = 22 * zoom;
        double barMax = width - left - 50 * zoom;
        int n = Math.max(1, answers.size());
        for (int c = 0; c < 10; c++) {
            double ry = top + c * rowH;
            Draw.text(g, Integer.toString(c), 8 * zoom, ry + rowH * 0.7, label, Palette.TEXT);
            double barH = rowH * 0.75 / n;
            for (int i = 0; i < answers.size(); i++) {
                Answer a = answers.get(i);
                double by = ry + rowH * 0.1 + i * barH;
                g.setColor(Palette.GRID);
                g.fill(new Rectangle2D.Double(left, by, barMax, barH * 0.9));
                if (a.probabilities() != null) {
                    double p = a.probabilities()[c];
                    g.setColor(a.color());
                    g.fill(new Rectangle2D.Double(left, by, barMax * p, barH * 0.9));
                    if (p >= 0.01) {
                        Draw.text(g, Math.round(100 * p) + "%", left + barMax + 4 * zoom, by + barH * 0.8,
                                Draw.font(zoom, 9, false), Palette.MUTED);
                    }
                }
            }
        }
    }
}
