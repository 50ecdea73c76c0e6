package org.trainlab.ui.inside;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.text.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heat strips reach the canvas as one image per layer, not one rectangle per block, and still show the blocks. */
class ImageBlockRendererTest {

    private static JFreeChart weights(int epochs) {
        List<InsideEpoch> all = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            all.add(InsideSamples.epoch(e, InsideSamples.matrix(90), List.of()));
        }
        return new LayerCharts(Messages.of(Locale.ENGLISH), 1.0)
                .weights(new LayerCharts.Series("run", new Color(200, 60, 40), all,
                        org.trainlab.experiment.settings.Defaults.model()));
    }

    @Test
    void eachStripIsOneImage() {
        SVGGraphics2D g = new SVGGraphics2D(500, 500);
        weights(40).draw(g, new Rectangle2D.Double(0, 0, 500, 500));
        String svg = g.getSVGElement();
        assertEquals(6, count(svg, "<image"), "one image per layer strip");
        assertTrue(count(svg, "<rect") < 100, "blocks must not be drawn one by one: " + count(svg, "<rect") + " rectangles");
    }

    @Test
    void theBlocksStillShowInTheirRunsColour() {
        BufferedImage image = new BufferedImage(500, 500, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        weights(40).draw(g, new Rectangle2D.Double(0, 0, 500, 500));
        g.dispose();
        int reddish = 0;
        for (int y = 0; y < 500; y++) {
            for (int x = 0; x < 500; x++) {
                Color c = new Color(image.getRGB(x, y), true);
                if (c.getAlpha() > 0 && c.getRed() > 150 && c.getGreen() < 120 && c.getBlue() < 120) {
                    reddish++;
                }
            }
        }
        // the samples put 90% of every layer's weights in the middle bin, 40 epochs wide, in 6 strips
        assertTrue(reddish > 6 * 300, "the strips' dense bins in the run's colour: " + reddish + " pixels");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
