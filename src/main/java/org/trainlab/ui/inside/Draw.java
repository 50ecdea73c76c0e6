package org.trainlab.ui.inside;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.trainlab.ui.theme.Fonts;
import org.trainlab.ui.theme.Palette;

/** Small drawing pieces the Inside painters share: digits, value grids, probability bars, text. */
final class Draw {

    /** Diagonal (right answers) and confusions in the window's two curve colours. */
    static final Color RIGHT = new Color(0x2563EB);
    static final Color WRONG = new Color(0xEA580C);
    static final Color FIXED = new Color(0x16A34A);
    static final Color BROKEN = new Color(0xDC2626);

    private Draw() {
    }

    static Font font(double zoom, float points, boolean bold) {
        return Fonts.chart(bold, (float) (points * zoom));
    }

    /** A grey image (0 black ... 1 white ink on black, as MNIST) into the box, each pixel a square. */
    static void image(Graphics2D g, float[] pixels, int width, int height, double x, double y, double w, double h,
                      boolean inkOnWhite) {
        double cw = w / width;
        double ch = h / height;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                float v = Math.max(0f, Math.min(1f, pixels[r * width + c]));
                float grey = inkOnWhite ? 1f - v : v;
                g.setColor(new Color(grey, grey, grey));
                g.fill(new Rectangle2D.Double(x + c * cw, y + r * ch, cw + 0.5, ch + 0.5));
            }
        }
    }

    /**
     * Values of either sign into the box: positive blue, negative orange, white at zero, scaled by the
     * largest magnitude given (so filters of one layer compare).
     */
    static void signed(Graphics2D g, float[] values, int width, int height, double scale, double x, double y,
                       double w, double h) {
        double cw = w / width;
        double ch = h / height;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = scale == 0 ? 0 : values[r * width + c] / scale;
                g.setColor(blend(v >= 0 ? RIGHT : WRONG, Math.min(1, Math.abs(v))));
                g.fill(new Rectangle2D.Double(x + c * cw, y + r * ch, cw + 0.5, ch + 0.5));
            }
        }
    }

    /** Non-negative values (activations after ReLU) from white to dark, scaled by the largest. */
    static void positive(Graphics2D g, float[] values, int width, int height, double x, double y, double w, double h) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        double cw = w / width;
        double ch = h / height;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double v = max == 0 ? 0 : Math.max(0, values[r * width + c]) / max;
                g.setColor(blend(Palette.TEXT, v));
                g.fill(new Rectangle2D.Double(x + c * cw, y + r * ch, cw + 0.5, ch + 0.5));
            }
        }
    }

    /** White mixed with {@code color}: 0 white, 1 the colour. */
    static Color blend(Color color, double share) {
        double s = Math.max(0, Math.min(1, share));
        return new Color((int) Math.round(255 + (color.getRed() - 255) * s),
                (int) Math.round(255 + (color.getGreen() - 255) * s),
                (int) Math.round(255 + (color.getBlue() - 255) * s));
    }

    static void frame(Graphics2D g, double x, double y, double w, double h, Color color, float width) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    static void text(Graphics2D g, String text, double x, double y, Font font, Color color) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(text, (float) x, (float) y);
    }

    /** Text centred on x, its baseline at y. */
    static void centred(Graphics2D g, String text, double x, double y, Font font, Color color) {
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        g.setColor(color);
        g.drawString(text, (float) (x - m.stringWidth(text) / 2.0), (float) y);
    }

    /** Text cut with an ellipsis to fit {@code width}. */
    static String fit(Graphics2D g, String text, Font font, double width) {
        FontMetrics m = g.getFontMetrics(font);
        if (m.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && m.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
