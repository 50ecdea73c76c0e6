package org.trainlab.ui.inside;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.trainlab.ui.theme.Palette;

/**
 * A grid of held-out digits as ConvNetJS shows them: each image with the answer and the true class,
 * and the three most probable classes as small bars (the true class's bar blue, a wrong answer's orange).
 */
final class TilesPainter implements Painter {

    /** One digit: its pixels (ink 1 on 0), side x side, the true class and the ten probabilities. */
    record Tile(float[] pixels, int side, int trueClass, double[] probabilities) {
        int predicted() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return best;
        }

        double confidence() {
            return probabilities[predicted()];
        }

        /** Class indexes by probability, highest first. */
        int[] ranked() {
            return IntStream.range(0, probabilities.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -probabilities[i]))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    private final String header;
    private final List<Tile> tiles;
    private final String empty;
    private final double zoom;

    TilesPainter(String header, List<Tile> tiles, String empty, double zoom) {
        this.header = header;
        this.tiles = tiles;
        this.empty = empty;
        this.zoom = zoom;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        Font title = Draw.font(zoom, 12, true);
        Font small = Draw.font(zoom, 10, false);
        double top = 8 * zoom;
        if (header != null && !header.isEmpty()) {
            Draw.text(g, Draw.fit(g, header, title, width - 16), 8 * zoom, 18 * zoom, title, Palette.TEXT);
            top = 28 * zoom;
        }
        if (tiles.isEmpty()) {
            Draw.text(g, empty, 8 * zoom, top + 16 * zoom, small, Palette.MUTED);
            return;
        }
        double image = 56 * zoom;
        double bars = 52 * zoom;
        double tileW = image + bars + 14 * zoom;
        double tileH = image + 18 * zoom;
        int columns = Math.max(1, (int) ((width - 8 * zoom) / tileW));
        for (int i = 0; i < tiles.size(); i++) {
            double x = 8 * zoom + (i % columns) * tileW;
            double y = top + (i / columns) * tileH;
            if (y + tileH > height + tileH * 0.4) {
                break;
            }
            paintTile(g, tiles.get(i), x, y, image, bars, small);
        }
    }

    private void paintTile(Graphics2D g, Tile t, double x, double y, double image, double bars, Font small) {
        Draw.image(g, t.pixels(), t.side(), t.side(), x, y, image, image, false);
        int predicted = t.predicted();
        Color answer = predicted == t.trueClass() ? Draw.RIGHT : Draw.WRONG;
        Draw.text(g, predicted + " (" + t.trueClass() + ")  " + Math.round(100 * t.confidence()) + "%", x,
                y + image + 12 * zoom, small, answer);
        int[] ranked = t.ranked();
        double rowH = image / 3;
        for (int r = 0; r < Math.min(3, ranked.length); r++) {
            int c = ranked[r];
            double by = y + r * rowH;
            Draw.text(g, Integer.toString(c), x + image + 4 * zoom, by + rowH * 0.75, small, Palette.TEXT);
            double bx = x + image + 13 * zoom;
            double bw = bars - 4 * zoom;
            g.setColor(Palette.GRID);
            g.fill(new Rectangle2D.Double(bx, by + rowH * 0.2, bw, rowH * 0.6));
            g.setColor(c == t.trueClass() ? Draw.RIGHT : Draw.WRONG);
            g.fill(new Rectangle2D.Double(bx, by + rowH * 0.2, bw * t.probabilities()[c], rowH * 0.6));
        }
    }
}
