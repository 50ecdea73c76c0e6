package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDifferenceRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The window's charts make no entity per point as they draw; JFreeChart's own chart, drawn alike, does. */
class ChartEntitiesTest {

    private static XYPlot plot() {
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection gap = new XYSeriesCollection();
        for (int s = 0; s < 2; s++) {
            XYSeries series = new XYSeries("s" + s);
            for (int e = 1; e <= 40; e++) {
                series.add(e, s + Math.exp(-e / 8.0));
            }
            lines.addSeries(series);
            gap.addSeries(series);
        }
        XYPlot plot = new XYPlot(lines, new NumberAxis(), new NumberAxis(), ChartStyle.lines(true));
        plot.setDataset(1, gap);
        plot.setRenderer(1, new XYDifferenceRenderer());
        return plot;
    }

    private static long pointEntities(JFreeChart chart) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, 600, 400), null, info);
        g.dispose();
        assertTrue(info.getPlotInfo().getDataArea().getWidth() > 0, "the data area is still known (the lecture hall lines charts up by it)");
        return info.getEntityCollection().getEntities().stream().filter(e -> e instanceof XYItemEntity).count();
    }

    @Test
    void theWindowsChartsDrawWithoutAnEntityPerPoint() {
        long own = pointEntities(new JFreeChart(plot()));
        assertTrue(own >= 40, "JFreeChart's own chart: an entity for each point of the gap's renderer, " + own);
        XYPlot plot = plot();
        JFreeChart chart = ChartStyle.chart(plot, false, 1.0);
        plot.setRenderer(1, new GapRenderer(java.awt.Color.RED, java.awt.Color.BLUE)); // after the chart is made, as the gap's is
        assertEquals(0, pointEntities(chart));
    }
}
