package org.trainlab.ui.inside;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * JFreeChart's {@link XYBlockRenderer}, with a series' blocks drawn into one image that is then drawn
 * once. A heat strip of 40 epochs and 41 bins is 1,640 rectangles, and a layer-health page shows a
 * dozen strips: drawn one by one into the window's canvas, every rectangle became a command the
 * JavaFX renderer replayed in software at each epoch's end (docs/performance.md, "The Inside view in
 * the window"). The blocks, their places and their colours are the parent's own: it draws each item
 * into the image, offset so the data area starts at the image's corner.
 */
final class ImageBlockRenderer extends XYBlockRenderer {

    private static final long serialVersionUID = 1L;

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        if (item != 0) {
            return; // drawn with item 0
        }
        int width = (int) Math.ceil(dataArea.getWidth()), height = (int) Math.ceil(dataArea.getHeight());
        if (width <= 0 || height <= 0) {
            return;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D ig = image.createGraphics();
        try {
            ig.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            ig.translate(-dataArea.getX(), -dataArea.getY());
            for (int i = 0; i < dataset.getItemCount(series); i++) {
                super.drawItem(ig, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, i,
                        crosshairState, pass);
            }
        } finally {
            ig.dispose();
        }
        g2.drawImage(image, (int) Math.round(dataArea.getX()), (int) Math.round(dataArea.getY()), null);
    }
}
