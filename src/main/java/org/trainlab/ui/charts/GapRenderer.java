package org.trainlab.ui.charts;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * JFreeChart's difference renderer (the gap shaded between two curves), which makes an entity for every
 * point in its second pass without asking whether entities are wanted, as its other renderers do. This
 * one asks ({@link #getItemCreateEntity}); the window's charts want none.
 */
final class GapRenderer extends XYDifferenceRenderer {

    private static final long serialVersionUID = 1L;

    GapRenderer(Paint positive, Paint negative) {
        super(positive, negative, false);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        // the second pass reads the rendering info only to add the point's entity
        boolean noEntity = pass == 1 && !getItemCreateEntity(series, item);
        super.drawItem(g2, state, dataArea, noEntity ? null : info, plot, domainAxis, rangeAxis, dataset, series, item,
                crosshairState, pass);
    }
}
