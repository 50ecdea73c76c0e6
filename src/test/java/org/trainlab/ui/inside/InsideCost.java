package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.fx.FXGraphics2D;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.text.Messages;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.MetricDrain;

/**
 * What an Inside update costs on the FX thread (not a test: timings depend on the machine). In one
 * process, Monocle headless with software rendering, Korean at projector zoom 1.5, a 1200 x 600 page,
 * two runs of 40 epochs and 6 layers: round after round, side by side, the layer-health page built
 * afresh (what every update did before) and refilled in place, each with CSS and layout (the chart
 * canvases draw then); and the visible digit tiles of the mistakes page drawn pixel by pixel and from
 * cached images (the whole tile painter: digits, answers and bars). Prints the median and maximum of each.
 * Run with the test classpath and Monocle's properties (see the pom's surefire set-up):
 * {@code java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp <test classpath>
 * org.trainlab.ui.inside.InsideCost [rounds]}.
 */
public final class InsideCost {

    private InsideCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        LiveSession live = new LiveSession(Session.empty().withRun(run("a", 0, "기본", null))
                .withRun(run("b", 1, "증강", "a")));
        InsideViewModel[] vm = new InsideViewModel[1];
        LayersPage[] page = new LayersPage[1];
        Canvas canvas = new Canvas(1200, 600);
        fx(() -> {
            vm[0] = new InsideViewModel(live, new MetricDrain(), new javafx.beans.property.SimpleObjectProperty<>("b"),
                    new InsideSamples.FakeAccess(), Runnable::run);
            vm[0].showingProperty().set(true);
            vm[0].followLatestProperty().set(false);
            page[0] = new LayersPage(vm[0], Messages.of(Messages.KOREAN), () -> 1.5);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(page[0].node()), 1200, 600));
            stage.show();
            page[0].update();
        });
        List<TilesPainter.Tile> tiles = tiles();
        long[] rebuild = new long[rounds];
        long[] refill = new long[rounds];
        long[] pixels = new long[rounds];
        long[] images = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            int epoch = 39 + r % 2;
            rebuild[r] = fx(() -> {
                vm[0].epochProperty().set(epoch);
                page[0].rebuildNextTime();
                page[0].update();
                page[0].node().getScene().getRoot().applyCss();
                page[0].node().getScene().getRoot().layout();
            });
            refill[r] = fx(() -> {
                vm[0].epochProperty().set(epoch == 40 ? 39 : 40);
                page[0].update();
                page[0].node().getScene().getRoot().applyCss();
                page[0].node().getScene().getRoot().layout();
            });
            pixels[r] = fx(() -> paintTiles(canvas, tiles, false));
            images[r] = fx(() -> paintTiles(canvas, tiles, true));
            System.out.printf("round %d: layers rebuild %.1f ms, refill %.1f ms; tiles by pixel %.1f ms, by image %.1f ms%n",
                    r + 1, rebuild[r] / 1e6, refill[r] / 1e6, pixels[r] / 1e6, images[r] / 1e6);
        }
        System.out.println("builds/refills " + Arrays.toString(page[0].rebuilds()));
        report("layer health, built afresh", rebuild);
        report("layer health, refilled in place", refill);
        report("mistake tiles, pixel by pixel", pixels);
        report("mistake tiles, cached images", images);
        Platform.exit();
    }

    /** The tiles a 1200 x 600 page shows at zoom 1.5 (the painter's grid), each digit as the page draws it. */
    private static void paintTiles(Canvas canvas, List<TilesPainter.Tile> tiles, boolean cached) {
        // a clear of the whole canvas empties its command buffer (it is never shown, so never flushed)
        canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        FXGraphics2D g = new FXGraphics2D(canvas.getGraphicsContext2D());
        double zoom = 1.5;
        double image = 56 * zoom;
        double tileW = image + 52 * zoom + 14 * zoom;
        double tileH = image + 18 * zoom;
        int columns = (int) ((1200 - 8 * zoom) / tileW);
        if (cached) {
            new TilesPainter("", tiles, "", zoom).paint(g, 1200, 600);
            return;
        }
        for (int i = 0; i < tiles.size(); i++) {
            double x = 8 * zoom + (i % columns) * tileW;
            double y = 8 * zoom + (i / columns) * tileH;
            if (y + tileH > 600 + tileH * 0.4) {
                break;
            }
            Draw.image(g, tiles.get(i).pixels(), 28, 28, x, y, image, image, false);
        }
    }

    private static List<TilesPainter.Tile> tiles() {
        Random random = new Random(9);
        List<TilesPainter.Tile> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            float[] p = new float[784];
            for (int k = 0; k < p.length; k++) {
                p[k] = random.nextFloat() < 0.2 ? random.nextFloat() : 0f;
            }
            double[] probabilities = new double[10];
            probabilities[i % 10] = 0.8;
            probabilities[(i + 3) % 10] = 0.2;
            out.add(new TilesPainter.Tile(p, 28, (i + 3) % 10, probabilities));
        }
        return out;
    }

    private static SessionRun run(String id, int color, String name, String parent) {
        SessionRun run = SessionRun.queued(id, color, Defaults.settings().withName(name))
                .withState(RunState.COMPLETED, null);
        for (int e = 1; e <= 40; e++) {
            InsideEpoch base = InsideSamples.epoch(e, InsideSamples.matrix(190), List.of());
            List<LayerProbe> layers = new ArrayList<>();
            for (LayerProbe p : base.layers()) {
                layers.add(InsideSamples.layer(p.name(), p.activationStd() * (1 + 0.01 * e + color * 0.1)));
            }
            run = run.withInside(new InsideEpoch(e, base.confusion(), List.of(), 64, layers, base.firstLayerFilters()));
        }
        return parent == null ? run : run.withParentId(parent);
    }

    private static long fx(Runnable work) throws InterruptedException {
        AtomicLong took = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            long t = System.nanoTime();
            try {
                work.run();
            } finally {
                took.set(System.nanoTime() - t);
                done.countDown();
            }
        });
        done.await();
        return took.get();
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s: median %.1f ms, max %.1f ms%n", what, s[s.length / 2] / 1e6, s[s.length - 1] / 1e6);
    }
}
