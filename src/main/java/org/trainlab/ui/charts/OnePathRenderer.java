package org.trainlab.ui.charts;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYDataset;

/**
 * A line renderer that draws each series' line as one path and its points' shapes as one path too, filled
 * and outlined once when the series ends. JFreeChart's own fills and outlines every point's shape on its own:
 * a canvas drawn in software pays the rasterizer's set-up per shape, and five groups' epoch curves of 40
 * epochs put 800 shapes on each chart at every redraw. Overlapping points of one series are filled as one
 * area (no darker overlap where a translucent colour doubles). The points add no chart entities (the window's
 * charts use none: their hover table reads the datasets); points with item labels or a crosshair to follow are
 * drawn by JFreeChart as before.
 */
final class OnePathRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    OnePathRenderer(boolean shapes) {
        super(true, shapes);
        setDrawSeriesLineAsPath(true);
    }

    /** JFreeChart's state, with the shapes of the series being drawn and the surface they go to. */
    private final class State extends XYLineAndShapeRenderer.State {
        private final Path2D.Double shapes = new Path2D.Double();
        private Graphics2D g2;
        private int series = -1;

        State(PlotRenderingInfo info) {
            super(info);
        }

        @Override
        public void endSeriesPass(XYDataset dataset, int series, int firstItem, int lastItem, int pass, int passCount) {
            super.endSeriesPass(dataset, series, firstItem, lastItem, pass, passCount);
            flush();
        }

        void flush() {
            if (g2 != null && series >= 0 && shapes.getCurrentPoint() != null) {
                paintShapes(g2, shapes, series);
            }
            shapes.reset();
            series = -1;
        }
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
                                          PlotRenderingInfo info) {
        State state = new State(info);
        state.g2 = g2;
        return state;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (isItemPass(pass) && state instanceof State dots && collects(series, item)) {
            if (dots.series != series) {
                dots.flush();
                dots.series = series;
            }
            addShape(dots.shapes, plot, dataset, series, item, domainAxis, rangeAxis, dataArea);
            return;
        }
        super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState, pass);
    }

    /**
     * Whether this point's shape goes into the series' path: a visible, filled shape in the series' own
     * colour (as ChartStyle makes them), without an item label or a crosshair to follow.
     */
    private boolean collects(int series, int item) {
        return getItemVisible(series, item) && getItemShapeVisible(series, item) && getItemShapeFilled(series, item)
                && !getUseFillPaint() && !getUseOutlinePaint() && !isItemLabelVisible(series, item)
                && getPlot() != null && !getPlot().isDomainCrosshairVisible() && !getPlot().isRangeCrosshairVisible();
    }

    private void addShape(Path2D.Double path, XYPlot plot, XYDataset dataset, int series, int item, ValueAxis domainAxis,
                          ValueAxis rangeAxis, Rectangle2D dataArea) {
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        double tx = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double ty = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
        Shape shape = ShapeUtils.createTranslatedShape(getItemShape(series, item), vertical ? tx : ty, vertical ? ty : tx);
        if (shape.intersects(dataArea)) {
            path.append(shape, false);
        }
    }

    private void paintShapes(Graphics2D g2, Shape all, int series) {
        g2.setPaint(lookupSeriesPaint(series));
        g2.fill(all);
        if (getDrawOutlines()) {
            g2.setStroke(lookupSeriesOutlineStroke(series));
            g2.draw(all);
        }
    }
}
