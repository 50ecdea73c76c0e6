package org.trainlab.ui.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;

/**
 * A chart changed and drawn on a thread of its own, into an image the view shows. A chart viewer draws on
 * the FX thread into a canvas that JavaFX's renderer then rasterizes, in software on most lecture
 * machines: the Inside view's large charts took 30 to 45 ms each at every epoch's end, and the window
 * stood still meanwhile. Here the FX thread only puts finished pictures on screen.
 *
 * <p>From construction on, the chart belongs to the drawing thread: change it only through
 * {@link #change}, whose changes must not touch JavaFX. The view draws only while it is shown, and
 * afresh when its size changes; requests made while a drawing waits are served by that drawing.
 */
public final class BackgroundChartView extends Region {

    private static final ExecutorService DRAWING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "trainlab-chart-drawing");
        t.setDaemon(true);
        return t;
    });

    /** What to draw at: the view's size in the layout and the screen's pixels per unit. */
    private record Size(double width, double height, double scale) {
    }

    private final JFreeChart chart;
    private final ImageView image = new ImageView();
    private final ObservableValue<Boolean> shown;
    private final AtomicBoolean drawQueued = new AtomicBoolean();
    private final AtomicLong drawings = new AtomicLong();
    private volatile Size size;
    /** A change or a size came while the view was not shown: draw when it shows. */
    private boolean stale = true;

    public BackgroundChartView(JFreeChart chart) {
        this.chart = chart;
        ChartStyle.onScreen(chart, false); // no canvas to pace: a change made on the FX thread is told at once
        image.setManaged(false);
        getChildren().add(image);
        getStyleClass().add("background-chart");
        shown = ShownCharts.shown(this);
        shown.subscribe(now -> {
            if (now && stale) {
                requestDraw();
            }
        });
    }

    /** Changes the chart on the drawing thread, in the order asked, then draws it. FX thread. */
    public void change(Consumer<JFreeChart> change) {
        DRAWING.execute(() -> change.accept(chart));
        requestDraw();
    }

    @Override
    protected void layoutChildren() {
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        Size now = new Size(getWidth(), getHeight(), scale);
        if (!now.equals(size)) {
            size = now;
            requestDraw();
        }
    }

    private void requestDraw() {
        if (!Boolean.TRUE.equals(shown.getValue())) {
            stale = true;
            return;
        }
        stale = false;
        if (drawQueued.compareAndSet(false, true)) {
            DRAWING.execute(this::draw);
        }
    }

    /** On the drawing thread: the chart as it is now, at the latest size. */
    private void draw() {
        drawQueued.set(false);
        Size s = size;
        if (s == null || s.width() < 1 || s.height() < 1) {
            return;
        }
        int w = (int) Math.ceil(s.width() * s.scale());
        int h = (int) Math.ceil(s.height() * s.scale());
        BufferedImage picture = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(s.scale(), s.scale());
            chart.draw(g, new Rectangle2D.Double(0, 0, s.width(), s.height()));
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
        drawings.incrementAndGet();
        Platform.runLater(() -> show(pixels, w, h, s));
    }

    /**
     * Puts a drawing on screen, into the picture already shown when it has the same size: a new image
     * for every drawing made the renderer make a new texture each time, and both were the most the
     * Inside view's charts allocated.
     */
    private void show(int[] pixels, int w, int h, Size s) {
        WritableImage shown = image.getImage() instanceof WritableImage current
                && current.getWidth() == w && current.getHeight() == h ? current : new WritableImage(w, h);
        shown.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), pixels, 0, w);
        image.setImage(shown);
        image.setFitWidth(s.width());
        image.setFitHeight(s.height());
    }

    /** The chart, which belongs to the drawing thread: read it only after {@link #awaitDrawn()} (tests). */
    public JFreeChart chart() {
        return chart;
    }

    /** The picture on screen now, null before the first (tests, screenshots). */
    public javafx.scene.image.Image picture() {
        return image.getImage();
    }

    /** How many times the chart was drawn. */
    public long drawings() {
        return drawings.get();
    }

    /**
     * Waits until the drawing thread has done everything asked of it so far (the pictures then wait in
     * the FX thread's queue). For tests and for reading a chart's data; not on the FX thread for long.
     */
    public static void awaitDrawn() {
        try {
            DRAWING.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the chart drawing thread did not finish", e);
        }
    }
}
