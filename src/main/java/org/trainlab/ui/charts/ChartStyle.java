package org.trainlab.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

import javafx.application.Platform;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartChangeEvent;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.trainlab.experiment.text.Numbers;
import org.trainlab.ui.theme.Fonts;
import org.trainlab.ui.theme.Palette;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.renderer.AbstractRenderer;

/**
 * The window's look for JFreeChart: white background, light grid, the bundled font, and text and
 * lines that grow with the zoom so a chart reads from the back of a lecture hall.
 */
public final class ChartStyle {

    static final float TICK_POINTS = 11;
    static final float LABEL_POINTS = 12;

    private ChartStyle() {
    }

    /** A chart around {@code plot} with the theme applied; the legend, if any, sits on top. */
    public static JFreeChart chart(XYPlot plot, boolean legend, double zoom) {
        JFreeChart chart = new FreshStateChart(plot, legend);
        chart.setBackgroundPaint(Palette.BACKGROUND);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        LegendTitle title = chart.getLegend();
        if (title != null) {
            title.setPosition(RectangleEdge.TOP);
            title.setFrame(BlockBorder.NONE);
            title.setBackgroundPaint(null);
            title.setItemPaint(Palette.TEXT);
            // room between one entry's text and the next entry's line
            title.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
        }
        applyZoom(chart, zoom);
        return chart;
    }

    /**
     * A line renderer (with a shape at each point when {@code shapes}) that strokes each series as
     * one path and fills its points' shapes as one path ({@link OnePathRenderer}): the renderer would
     * otherwise stroke every segment and fill every point on its own, and a canvas drawn in software
     * pays a rasterizer's set-up per stroke (a loss curve of a thousand batches, a thousand strokes at
     * every redraw). One path also keeps a dash pattern running across the points.
     */
    public static XYLineAndShapeRenderer lines(boolean shapes) {
        return new OnePathRenderer(shapes);
    }

    /**
     * Marks {@code chart} (one of {@link #chart}'s) as on screen or not ({@link ShownCharts}): a chart off
     * screen tells its changes at once, since nothing draws it, instead of taking a pulse of the
     * {@link RedrawPacer} from the charts shown.
     */
    static void onScreen(JFreeChart chart, boolean shown) {
        if (chart instanceof FreshStateChart fresh) {
            fresh.offScreen = !shown;
        }
    }

    /**
     * Draws now every chart whose redraw waits for a later pulse (see {@link RedrawPacer}); FX thread.
     * For whatever reads the drawn canvases at once.
     */
    public static void drawPending() {
        RedrawPacer.flush();
    }

    /** What drawing the charts has cost; the window harness reports it. */
    public static final Timing DRAWS = new Timing();

    /**
     * ChartCanvas wraps every paint in the canvas's save() and restore(), which puts the canvas font
     * and line width back to JavaFX's defaults, while FXGraphics2D remembers the last font and stroke
     * it set and skips setting equal ones. The first text and line of the next paint (the legend)
     * then came out in the default font (boxes for Hangul on a machine without a Korean font) and a
     * hairline. Throwaway values at the start of each paint make everything set afresh.
     */
    private static final class FreshStateChart extends JFreeChart {
        private static final long serialVersionUID = 1L;
        private static final Font RESET_FONT = new Font(Font.DIALOG, Font.PLAIN, 1);
        private static final Stroke RESET_STROKE = new BasicStroke(0.01f);

        private boolean redrawPending;
        private boolean offScreen;

        FreshStateChart(XYPlot plot, boolean legend) {
            super(null, Fonts.chart(false, LABEL_POINTS), plot, legend);
        }

        /**
         * On the FX thread, the changes one event makes (a click that adds runs restyles, refits and
         * refills a chart several times) reach the viewer as one change, just after the event, so the
         * chart is drawn once; a viewer draws at once on every change it hears of. Charts changed
         * together are drawn one per pulse, in the order they changed ({@link RedrawPacer}). Off the FX
         * thread (a chart a {@link BackgroundChartView} draws) its listeners hear at once.
         */
        @Override
        protected void notifyListeners(ChartChangeEvent event) {
            if (!Platform.isFxApplicationThread() || offScreen) {
                super.notifyListeners(event);
                return;
            }
            if (!redrawPending) {
                redrawPending = true;
                RedrawPacer.request(() -> {
                    redrawPending = false;
                    super.notifyListeners(event);
                });
            }
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor,
                         ChartRenderingInfo info) {
            g2.setFont(RESET_FONT);
            g2.setStroke(RESET_STROKE);
            withoutEntities();
            long start = System.nanoTime();
            super.draw(g2, area, anchor, info);
            DRAWS.add(System.nanoTime() - start);
        }

        /**
         * Tells the plot's renderers, those added since the last draw included, to make no entity (a shape
         * and an object for every point, kept for JFreeChart's own tooltips and clicks) as they draw: the
         * charts' hover table, legend and markers are the window's own, and the entities were a tenth of
         * what the FX thread allocated with 25 runs queued. Quietly: no change event, so no redraw.
         */
        private void withoutEntities() {
            if (getPlot() instanceof XYPlot plot) {
                for (int i = 0; i < plot.getRendererCount(); i++) {
                    if (plot.getRenderer(i) instanceof AbstractRenderer r && r.getDefaultCreateEntities()) {
                        r.setDefaultCreateEntities(false, false);
                    }
                }
            }
        }
    }

    /** Font sizes follow the zoom; call on the FX thread. */
    public static void applyZoom(JFreeChart chart, double zoom) {
        Font tick = Fonts.chart(false, (float) (TICK_POINTS * zoom));
        Font label = Fonts.chart(false, (float) (LABEL_POINTS * zoom));
        if (chart.getPlot() instanceof XYPlot plot) {
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                style(plot.getDomainAxis(i), tick, label);
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                style(plot.getRangeAxis(i), tick, label);
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(label);
        }
    }

    private static void style(ValueAxis axis, Font tick, Font label) {
        if (axis == null) {
            return;
        }
        axis.setTickLabelFont(tick);
        axis.setLabelFont(label);
        axis.setTickLabelPaint(Palette.MUTED);
        axis.setLabelPaint(Palette.TEXT);
        axis.setAxisLinePaint(Palette.GRID);
        axis.setTickMarkPaint(Palette.GRID);
    }

    /** The x axis of every curve: epochs, whole numbers. */
    public static NumberAxis epochAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAutoRange(false);
        axis.setRange(0, 1);
        return axis;
    }

    public static Stroke solid(double zoom, float width) {
        return new BasicStroke((float) (width * Math.sqrt(zoom)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public static Stroke dashed(double zoom, float width) {
        float w = (float) (width * Math.sqrt(zoom));
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4 * w, 3 * w}, 0f);
    }

    /** A legend entry drawn as a short line. */
    public static LegendItem line(String label, Color paint, Stroke stroke) {
        Shape shape = new Line2D.Double(-9, 0, 9, 0);
        LegendItem item = new LegendItem(label, null, null, null, shape, stroke, paint);
        item.setLabelPaint(Palette.TEXT);
        return item;
    }

    /** A legend entry drawn as a filled square, for the shaded gap. */
    public static LegendItem area(String label, Color paint) {
        LegendItem item = new LegendItem(label, paint);
        item.setLabelPaint(Palette.TEXT);
        return item;
    }

    /** Tick labels as short as the value allows (0.001, 1e-5), like the settings fields. */
    public static NumberFormat shortNumbers() {
        return new NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
                // ticks come from sums of tick units, so round away float noise like 0.30000000000000004
                double rounded = number == 0 ? 0 : new BigDecimal(number)
                        .round(new MathContext(6)).doubleValue();
                return toAppendTo.append(Numbers.format(rounded));
            }

            @Override
            public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
                return toAppendTo.append(number);
            }

            @Override
            public Number parse(String source, ParsePosition parsePosition) {
                return null; // axes only format
            }
        };
    }
}
