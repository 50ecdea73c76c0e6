package org.trainlab.ui.inside;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.trainlab.ui.charts.ChartExport;
import org.trainlab.ui.theme.Palette;

/**
 * An Inside view as a PNG or an SVG, drawn by the same painter as on screen, at a slide's proportions,
 * text in the bundled font (outlines in the SVG, like the charts' exports). Draw on the FX thread.
 */
public final class InsideExport {

    private InsideExport() {
    }

    /** PNG bytes at {@link ChartExport#PNG_SCALE} pixels per point. */
    static byte[] png(Painter painter) throws IOException {
        int w = ChartExport.WIDTH;
        int h = ChartExport.HEIGHT;
        int scale = ChartExport.PNG_SCALE;
        BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Palette.BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            painter.paint(g, w, h);
        } finally {
            g.dispose();
        }
        return ChartExport.pngBytes(image);
    }

    static String svg(Painter painter) {
        SVGGraphics2D g = new SVGGraphics2D(ChartExport.WIDTH, ChartExport.HEIGHT);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        g.setPaint(Palette.BACKGROUND);
        g.fill(new Rectangle(ChartExport.WIDTH, ChartExport.HEIGHT));
        painter.paint(g, ChartExport.WIDTH, ChartExport.HEIGHT);
        return g.getSVGDocument();
    }
}
