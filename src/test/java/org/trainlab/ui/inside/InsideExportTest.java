package org.trainlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.ui.theme.Palette;

/** The confusion matrix and layer statistics as CSV, and a view as PNG and SVG drawn by its painter. */
class InsideExportTest {

    @Test
    void theConfusionCsvHasOneRowPerTrueClassWithItsCounts() {
        String csv = InsideCsv.confusion(InsideSamples.matrix(7, 4, 9, 3));
        String[] lines = csv.split("\n");
        assertEquals(11, lines.length);
        assertEquals("true,pred_0,pred_1,pred_2,pred_3,pred_4,pred_5,pred_6,pred_7,pred_8,pred_9", lines[0]);
        assertEquals("4,0,0,0,0,7,0,0,0,0,3", lines[5]);
        assertEquals("9,0,0,0,0,0,0,0,0,0,7", lines[10]);
    }

    @Test
    void theLayerCsvHasOneRowPerEpochAndLayer() {
        InsideEpoch one = InsideSamples.epoch(1, InsideSamples.matrix(5), List.of());
        InsideEpoch two = InsideSamples.epoch(2, InsideSamples.matrix(6), List.of());
        String[] lines = InsideCsv.layers(List.of(one, two)).split("\n");
        assertEquals(1 + 2 * 6, lines.length);
        assertEquals("epoch,layer,weights,activation_mean,activation_std,zero_fraction,gradient_norm,log10_update_ratio",
                lines[0]);
        assertEquals("1,conv1,100,0.500000,1.00000,0.400000,0.0500000,-3.10000", lines[1]);
        assertTrue(lines[12].startsWith("2,fc3,100,"), lines[12]);
    }

    @Test
    void aViewIsExportedAsTheSamePictureInPngAndSvg() throws Exception {
        ConfusionPainter painter = new ConfusionPainter(List.of(new ConfusionPainter.Matrix("Plain", Palette.run(0),
                InsideSamples.matrix(9, 4, 9, 1).counts())), null, "true class", "answer", "none", 1.0);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(InsideExport.png(painter)));
        assertEquals(2400, png.getWidth());
        assertEquals(1440, png.getHeight());
        // a class always answered right is drawn in full right-answer colour, on the diagonal
        int blue = 0;
        for (int y = 0; y < png.getHeight(); y += 8) {
            for (int x = 0; x < png.getWidth(); x += 8) {
                if ((png.getRGB(x, y) & 0xFFFFFF) == (Draw.RIGHT.getRGB() & 0xFFFFFF)) {
                    blue++;
                }
            }
        }
        assertTrue(blue > 9 * 50, "nine full diagonal cells of about 130 x 130 pixels: " + blue + " samples");
        String svg = InsideExport.svg(painter);
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("rgb(37,99,235)") || svg.contains("#2563eb") || svg.contains("#2563EB"),
                "the diagonal's colour is in the SVG");
    }
}
