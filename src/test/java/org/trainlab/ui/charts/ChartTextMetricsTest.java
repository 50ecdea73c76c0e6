package org.trainlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;

import javafx.scene.canvas.Canvas;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.fx.FXFontMetrics;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trainlab.ui.theme.Fonts;

/**
 * A chart drawn on a canvas measures its text with Java2D's metrics of the bundled font, not with a
 * JavaFX {@code Text} node per string, and those metrics give the widths JavaFX lays the text out with.
 */
@ExtendWith(ApplicationExtension.class)
class ChartTextMetricsTest {

    @Start
    void start(Stage stage) {
        Fonts.load();
    }

    @Test
    void aChartDrawnOnACanvasMeasuresTextWithJava2DAndGetsJavaFxWidths() throws Exception {
        String text = "검증 정확도 0.0004 (Held-out)";
        double[] widths = WaitForAsyncUtils.asyncFx(() -> {
            XYSeries series = new XYSeries("loss");
            series.add(1, 0.9);
            series.add(2, 0.5);
            JFreeChart chart = ChartStyle.chart(new XYPlot(new XYSeriesCollection(series), new NumberAxis("에폭"),
                    new NumberAxis("loss"), ChartStyle.lines(true)), true, 1.0);
            FXGraphics2D g = new FXGraphics2D(new Canvas(400, 300).getGraphicsContext2D());
            java.awt.Font font = Fonts.chart(false, 14);
            g.setFont(font);
            assertTrue(g.getFontMetrics(font) instanceof FXFontMetrics, "FXGraphics2D's default: a JavaFX Text node per string");

            chart.draw(g, new Rectangle2D.Double(0, 0, 400, 300));
            FontMetrics metrics = g.getFontMetrics(font);
            assertFalse(metrics instanceof FXFontMetrics, "once a chart has drawn with it, Java2D's metrics");

            Text node = new Text(text);
            node.setFont(javafx.scene.text.Font.font(Fonts.FAMILY, 14));
            return new double[] {node.getLayoutBounds().getWidth(), metrics.getStringBounds(text, g).getWidth()};
        }).get();
        assertTrue(widths[0] > 100, "a real width: " + widths[0]);
        assertEquals(widths[0], widths[1], 0.5, "Java2D measures the bundled font as JavaFX lays it out");
    }
}
