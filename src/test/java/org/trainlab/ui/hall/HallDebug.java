package org.trainlab.ui.hall;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import org.jfree.chart.fx.ChartViewer;

/** Sizes of the window's parts, printed by the layout test with -Dhall.debug=true while tuning. */
final class HallDebug {

    private HallDebug() {
    }

    /** The scene as a PNG in {@code -Dhall.shots=DIR}, when given. */
    static void shoot(javafx.scene.Scene scene, String name) {
        String dir = System.getProperty("hall.shots");
        if (dir == null) {
            return;
        }
        try {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png",
                    java.nio.file.Path.of(dir, name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String describe(Parent root) {
        StringBuilder b = new StringBuilder();
        for (String id : new String[] {"#hall-panel", "#chart-legend", "#runs-table", "#hall-banner", "#hall-strip", "#run-editing", "#group-list", ".group-header"}) {
            Node n = root.lookup(id);
            if (n instanceof Region r && r.getScene() != null) {
                b.append(id).append('=').append(Math.round(r.getWidth())).append('x').append(Math.round(r.getHeight())).append(' ');
            }
        }
        for (String id : new String[] {"loss", "accuracy", "lr"}) {
            Node n = root.lookup("#chart-" + id);
            if (n instanceof ChartViewer v && v.getCanvas().getRenderingInfo() != null) {
                var a = v.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
                Node c = v;
                while (!c.getStyleClass().contains("chart-card")) {
                    c = c.getParent();
                }
                Region card = (Region) c;
                b.append(id).append(": card ").append(Math.round(card.getWidth())).append('x').append(Math.round(card.getHeight()))
                        .append(" plot ").append(Math.round(a.getWidth())).append('x').append(Math.round(a.getHeight())).append(' ');
            }
        }
        return b.toString();
    }
}
