package org.trainlab.ui.theme;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.canvas.GraphicsContext;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.fx.FXFontMetrics;
import org.jfree.fx.FXGraphics2D;
import org.jfree.fx.FXHints;

/**
 * An FXGraphics2D that remembers the text sizes it measured. FXGraphics2D's metrics lay every string
 * out in a new JavaFX {@code Text} node, and JFreeChart measures every tick label and legend entry at
 * every draw: those nodes were the largest part of what the FX thread allocated while runs trained
 * (docs/performance.md, "Eighth pass"). Here each font keeps the bounds JavaFX gave for its last few
 * hundred strings, so the answers, and the charts' layout, are exactly FXGraphics2D's own; only the
 * repeated measuring is gone. Java2D's metrics would be cheaper still but measure the text taller,
 * which takes room the lecture hall's layout does not have (same section).
 *
 * <p>One per canvas, used on the FX thread only, as the canvas is.
 */
public final class MeasuringGraphics extends FXGraphics2D {

    private static final int FONTS = 32;
    private static final int STRINGS_PER_FONT = 512;

    private final Map<Font, RememberingMetrics> byFont = lru(FONTS);
    /** FXGraphics2D keeps its last metrics and answers with them while the font asked for equals theirs. */
    private FontMetrics last;

    public MeasuringGraphics(GraphicsContext gc) {
        super(gc);
    }

    /**
     * Gives a chart viewer's canvas this graphics in place of the FXGraphics2D it made, with the same
     * settings. ChartCanvas has no way to be handed one, so its private field is set; answers whether
     * it was (false if a later JFreeChart-FX names the field otherwise: the canvas then measures as
     * before).
     */
    public static boolean install(ChartCanvas canvas) {
        MeasuringGraphics g = new MeasuringGraphics(canvas.getGraphicsContext2D());
        // what ChartCanvas's constructor sets on its own
        g.setRenderingHint(FXHints.KEY_USE_FX_FONT_METRICS, true);
        g.setZeroStrokeWidth(0.1);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        try {
            Field field = ChartCanvas.class.getDeclaredField("g2");
            if (!Graphics2D.class.equals(field.getType()) || !(field.trySetAccessible())) {
                return false;
            }
            field.set(canvas, g);
            return true;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return false;
        }
    }

    /** How many strings this graphics has had measured by JavaFX so far; for tests. */
    public int measuredByJavaFx() {
        int n = 0;
        for (RememberingMetrics metrics : byFont.values()) {
            n += metrics.measured;
        }
        return n;
    }

    /**
     * FXGraphics2D's rule, remembered: JavaFX's metrics of the current font (not of the font asked
     * about), kept while the font asked about equals the kept metrics' font.
     */
    @Override
    public FontMetrics getFontMetrics(Font f) {
        if (getRenderingHint(FXHints.KEY_USE_FX_FONT_METRICS) != Boolean.TRUE) {
            return super.getFontMetrics(f);
        }
        if (last == null || !f.equals(last.getFont())) {
            last = byFont.computeIfAbsent(getFont(), font -> new RememberingMetrics(font, this));
        }
        return last;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(size * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    /** FXFontMetrics whose string bounds are measured once per string. */
    private static final class RememberingMetrics extends FXFontMetrics {
        private static final long serialVersionUID = 1L;

        private final transient Map<String, Rectangle2D> bounds = lru(STRINGS_PER_FONT);
        private int measured;

        RememberingMetrics(Font font, Graphics2D g2) {
            super(font, g2);
        }

        /** A copy each time: JFreeChart changes the rectangles it is given. */
        @Override
        public Rectangle2D getStringBounds(String str, Graphics context) {
            Rectangle2D known = bounds.get(str);
            if (known == null) {
                known = super.getStringBounds(str, context);
                measured++;
                bounds.put(str, known);
            }
            return (Rectangle2D) known.clone();
        }
    }
}
