package org.trainlab.ui.charts;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.title.TextTitle;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.trainlab.experiment.io.AtomicFiles;
import org.trainlab.ui.theme.Fonts;
import org.trainlab.ui.theme.Palette;

/**
 * A chart as a PNG or an SVG file, as it looks in the window plus its title. Text is drawn in the
 * bundled font: rasterised into the PNG, and as outlines in the SVG, so Hangul survives on a
 * computer (or in a browser) without a Korean font.
 *
 * <p>Drawing reads the chart's datasets, which change on the FX thread: {@link #png} and {@link #svg}
 * must run there; encoding and writing the bytes may run anywhere.
 */
public final class ChartExport {

    /** Exported charts are this many points wide and high: a slide's proportions. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 720;
    /** PNG pixels per point, for slides on large screens. */
    public static final int PNG_SCALE = 2;

    private ChartExport() {
    }

    /** The chart drawn into an image of {@code width x height} points at {@code scale} pixels per point; FX thread. */
    public static BufferedImage image(JFreeChart chart, String title, LegendItemCollection legend, int width, int height,
                                      int scale) {
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setPaint(Palette.BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            draw(chart, title, legend, g, new Rectangle(width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** PNG bytes of an image; any thread. */
    public static byte[] pngBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        return out.toByteArray();
    }

    /** The chart as a PNG file's bytes; FX thread (drawing), then encoding. */
    public static byte[] png(JFreeChart chart, String title, LegendItemCollection legend) throws IOException {
        return pngBytes(image(chart, title, legend, WIDTH, HEIGHT, PNG_SCALE));
    }

    /** The chart as an SVG document, text as outlines; FX thread. */
    public static String svg(JFreeChart chart, String title, LegendItemCollection legend) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        g.setPaint(Palette.BACKGROUND);
        g.fill(new Rectangle(WIDTH, HEIGHT));
        draw(chart, title, legend, g, new Rectangle(WIDTH, HEIGHT));
        return g.getSVGDocument();
    }

    /**
     * Draws with the title on top and the given legend (null keeps the chart's own); the window's viewer
     * is not told of the temporary title and legend.
     */
    private static void draw(JFreeChart chart, String title, LegendItemCollection legend, Graphics2D g, Rectangle2D area) {
        boolean notify = chart.isNotify();
        LegendItemCollection own = chart.getXYPlot().getFixedLegendItems();
        chart.setNotify(false);
        try {
            if (legend != null) {
                chart.getXYPlot().setFixedLegendItems(legend);
            }
            if (title != null && !title.isBlank()) {
                TextTitle text = new TextTitle(title, Fonts.chart(true, 15f));
                text.setPaint(Palette.TEXT);
                chart.setTitle(text);
            }
            chart.draw(g, area);
        } finally {
            chart.getXYPlot().setFixedLegendItems(own);
            chart.setTitle((TextTitle) null);
            chart.setNotify(notify);
        }
    }

    /** Writes bytes through a temporary file and a rename, so a half-written file never replaces a good one. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        AtomicFiles.writeShared(file, bytes);
    }
}
