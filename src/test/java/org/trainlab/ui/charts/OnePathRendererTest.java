package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/** The window's line renderer fills a series' points as one path and draws what JFreeChart's own draws. */
class OnePathRendererTest {

    private static final int W = 600;
    private static final int H = 400;

    private static JFreeChart chart(XYLineAndShapeRenderer renderer) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < 2; s++) {
            XYSeries series = new XYSeries("s" + s);
            for (int e = 1; e <= 40; e++) {
                series.add(e, s + Math.exp(-e / 8.0) + 0.05 * Math.sin(e));
            }
            data.addSeries(series);
        }
        renderer.setSeriesPaint(0, new Color(0x1F, 0x5F, 0xD0));
        renderer.setSeriesPaint(1, new Color(0xE0, 0x60, 0x10));
        XYPlot plot = new XYPlot(data, new NumberAxis(), new NumberAxis(), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYLineAndShapeRenderer jfreeChartsOwn() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        return renderer;
    }

    private static BufferedImage picture(JFreeChart chart) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, W, H));
        g.dispose();
        return image;
    }

    private static int count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(W, H);
        chart.draw(g, new Rectangle2D.Double(0, 0, W, H));
        return g.getSVGElement();
    }

    @Test
    void aSeriesPointsAreFilledAndOutlinedOnceInsteadOfOncePerPoint() {
        String own = svg(chart(jfreeChartsOwn()));
        String one = svg(chart(ChartStyle.lines(true)));
        // JFreeChart's: each of the 80 points filled and outlined on its own, as a path each
        int ownPaths = count(own, "<path");
        int onePaths = count(one, "<path");
        assertTrue(ownPaths >= 2 * 80, "JFreeChart's own draws every point: " + ownPaths + " paths");
        assertEquals(ownPaths - 2 * 80 + 2 * 2, onePaths, "one fill and one outline per series instead of per point");
    }

    @Test
    void itDrawsWhatJFreeChartsOwnDraws() {
        BufferedImage own = picture(chart(jfreeChartsOwn()));
        BufferedImage one = picture(chart(ChartStyle.lines(true)));
        long coloured = 0;
        long differ = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int a = own.getRGB(x, y);
                int b = one.getRGB(x, y);
                if ((a & 0xFFFFFF) != 0xFFFFFF) {
                    coloured++;
                }
                int d = Math.max(Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)),
                        Math.max(Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)), Math.abs((a & 0xFF) - (b & 0xFF))));
                if (d > 48) {
                    differ++;
                }
            }
        }
        assertTrue(coloured > 5_000, "the chart has lines and points: " + coloured);
        // overlapping points' anti-aliased edges are blended once instead of twice: a few pixels at most
        assertTrue(differ < coloured / 100, differ + " of " + coloured + " pixels differ");
    }

    @Test
    void withoutPointsOnlyTheLinesAreDrawn() {
        String one = svg(chart(ChartStyle.lines(false)));
        String own = svg(chart(new XYLineAndShapeRenderer(true, false) {
            {
                setDrawSeriesLineAsPath(true);
            }
        }));
        assertEquals(count(own, "<path"), count(one, "<path"));
    }
}
