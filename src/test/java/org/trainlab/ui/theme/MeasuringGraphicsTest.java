package org.trainlab.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The remembering graphics answers every text measurement exactly as FXGraphics2D does, so charts lay
 * out as before, and a chart drawn again measures nothing anew.
 */
@ExtendWith(ApplicationExtension.class)
class MeasuringGraphicsTest {

    @Start
    void start(Stage stage) {
        Fonts.load();
    }

    @Test
    void answersAsFxGraphics2DDoesWhicheverFontIsSetAndAskedAbout() throws Exception {
        List<String> mismatches = WaitForAsyncUtils.asyncFx(() -> {
            Graphics2D plain = new FXGraphics2D(new Canvas(10, 10).getGraphicsContext2D());
            MeasuringGraphics remembering = new MeasuringGraphics(new Canvas(10, 10).getGraphicsContext2D());
            Font[] fonts = {Fonts.chart(false, 12), Fonts.chart(false, 18), Fonts.chart(true, 12),
                new Font(Font.DIALOG, Font.PLAIN, 1)};
            String[] texts = {"0.25", "검증 정확도 (held-out)", "10", "", "Epoch 40 · 학습 손실"};
            List<String> wrong = new ArrayList<>();
            // twice round, so the second answers come from what was remembered
            for (int round = 0; round < 2; round++) {
                for (Font set : fonts) {
                    for (Font asked : fonts) {
                        plain.setFont(set);
                        remembering.setFont(set);
                        FontMetrics a = plain.getFontMetrics(asked);
                        FontMetrics b = remembering.getFontMetrics(asked);
                        for (String text : texts) {
                            Rectangle2D ra = a.getStringBounds(text, plain);
                            Rectangle2D rb = b.getStringBounds(text, remembering);
                            if (!ra.equals(rb) || a.stringWidth(text) != b.stringWidth(text)
                                    || a.getHeight() != b.getHeight() || a.getAscent() != b.getAscent()
                                    || !a.getFont().equals(b.getFont())) {
                                wrong.add(set.getSize() + "/" + asked.getSize() + " '" + text + "': " + ra + " vs " + rb);
                            }
                        }
                    }
                }
            }
            return wrong;
        }).get();
        assertEquals(List.of(), mismatches);
    }

    @Test
    void aChartDrawnAgainMeasuresNothingAnewAndItsRectanglesAreItsOwn() throws Exception {
        int[] counts = WaitForAsyncUtils.asyncFx(() -> {
            XYSeries series = new XYSeries("학습 손실");
            for (int i = 1; i <= 40; i++) {
                series.add(i, 1.0 / i);
            }
            JFreeChart chart = new JFreeChart("", Fonts.chart(false, 14), new XYPlot(new XYSeriesCollection(series),
                    new NumberAxis("에폭"), new NumberAxis("손실"), new XYLineAndShapeRenderer(true, false)), true);
            ChartViewer viewer = new ChartViewer(chart);
            viewer.getCanvas().setWidth(500);
            viewer.getCanvas().setHeight(300);
            assertTrue(MeasuringGraphics.install(viewer.getCanvas()), "the canvas takes the remembering graphics");
            viewer.getCanvas().draw();
            MeasuringGraphics g = graphicsOf(viewer);
            int first = g.measuredByJavaFx();
            viewer.getCanvas().draw();
            int second = g.measuredByJavaFx();

            FontMetrics metrics = g.getFontMetrics(g.getFont());
            Rectangle2D one = metrics.getStringBounds("0.5", g);
            one.setRect(0, 0, 1, 1);
            Rectangle2D two = metrics.getStringBounds("0.5", g);
            assertNotSame(one, two);
            assertTrue(two.getWidth() > 1, "a caller's change to its rectangle is not remembered: " + two);
            return new int[] {first, second};
        }).get();
        assertTrue(counts[0] >= 5, "the first draw measured its tick labels, title and legend: " + counts[0]);
        assertEquals(counts[0], counts[1], "the second draw of the same chart measured nothing anew");
    }

    private static MeasuringGraphics graphicsOf(ChartViewer viewer) throws ReflectiveOperationException {
        java.lang.reflect.Field field = org.jfree.chart.fx.ChartCanvas.class.getDeclaredField("g2");
        field.setAccessible(true);
        return (MeasuringGraphics) field.get(viewer.getCanvas());
    }
}
