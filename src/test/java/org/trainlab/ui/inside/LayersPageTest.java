package org.trainlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainlab.ui.inside.InsideSamples.epoch;
import static org.trainlab.ui.inside.InsideSamples.layer;
import static org.trainlab.ui.inside.InsideSamples.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.LayerProbe;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.text.Messages;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.charts.ChartStyle;

/**
 * The layer-health page keeps its charts while the runs, layers and zoom stay: moving the epoch
 * refills their datasets in place (the same chart objects, the new epoch's numbers, one redraw per
 * chart), and a change of zoom builds them afresh.
 */
@ExtendWith(ApplicationExtension.class)
class LayersPageTest {

    private final LiveSession live = new LiveSession(Session.empty());
    private InsideViewModel vm;
    private LayersPage page;
    private double zoom = 1;

    @Start
    void start(Stage stage) {
        List<InsideEpoch> epochs = new ArrayList<>();
        for (int e = 1; e <= 3; e++) {
            InsideEpoch base = epoch(e, matrix(50), List.of());
            List<LayerProbe> layers = new ArrayList<>();
            for (LayerProbe p : base.layers()) {
                // the std grows with the epoch: each epoch's numbers differ
                layers.add(layer(p.name(), p.activationStd() * e));
            }
            epochs.add(new InsideEpoch(e, base.confusion(), List.of(), 64, layers, base.firstLayerFilters()));
        }
        SessionRun run = SessionRun.queued("a", 0, Defaults.settings().withName("A"))
                .withState(RunState.COMPLETED, null);
        for (InsideEpoch e : epochs) {
            run = run.withInside(e);
        }
        live.replace(Session.empty().withRun(run));
        vm = new InsideViewModel(live, new MetricDrain(), new javafx.beans.property.SimpleObjectProperty<>("a"),
                new InsideSamples.FakeAccess(), Runnable::run);
        vm.showingProperty().set(true);
        page = new LayersPage(vm, Messages.of(Messages.ENGLISH), () -> zoom);
        stage.setScene(new Scene(new StackPane(page.node()), 900, 600));
        stage.show();
    }

    @Test
    void movingTheEpochRefillsTheSameChartsAndZoomRebuildsThem() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            vm.followLatestProperty().set(false);
            vm.epochProperty().set(2);
            page.update();
        }));
        List<JFreeChart> first = page.charts();
        assertEquals(2, firstSeries(first.get(1)).getItemCount(0), "epochs 1 and 2 drawn");

        WaitForAsyncUtils.waitForFxEvents(); // the first update's change is told before counting starts
        AtomicInteger redraws = new AtomicInteger();
        first.get(1).addChangeListener(e -> redraws.incrementAndGet());
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            vm.epochProperty().set(3);
            page.update();
        }));
        // a chart hears one FX event's changes as one change, told after the event or at a later pulse
        // when other charts were told first (ChartStyle): let it pass
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(ChartStyle::drawPending));
        List<JFreeChart> second = page.charts();
        for (int i = 0; i < first.size(); i++) {
            assertSame(first.get(i), second.get(i), "chart " + i + " kept");
        }
        assertArrayEquals(new int[] {1, 1}, page.rebuilds(), "built once, refilled once");
        assertEquals(1, redraws.get(), "the activations chart told its viewer once");
        XYSeriesCollection std = firstSeries(second.get(1));
        assertEquals(3, std.getItemCount(0), "epoch 3 added");
        assertEquals(3 * 1.0, std.getYValue(0, 2), 1e-9, "conv1's std at epoch 3");
        HeatDataset heat = (HeatDataset) ((XYPlot) ((CombinedDomainXYPlot) second.get(0).getPlot())
                .getSubplots().get(0)).getDataset();
        assertEquals(3 * LayerCharts.BINS, heat.getItemCount(0), "a heat column per epoch");

        zoom = 1.5;
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> page.update()));
        assertNotSame(first.get(1), page.charts().get(1), "another zoom, charts built afresh");
        assertArrayEquals(new int[] {2, 1}, page.rebuilds());
    }

    @Test
    void aRunBeforeItsFirstEpochHasTheRowsOfItsLayersAndItsFirstEpochRefillsThem() {
        SessionRun running = SessionRun.queued("b", 1, Defaults.settings().withName("B"))
                .withState(RunState.RUNNING, null);
        live.update(s -> s.withRun(running));
        InsideViewModel waiting = new InsideViewModel(live, new MetricDrain(),
                new javafx.beans.property.SimpleObjectProperty<>("b"), new InsideSamples.FakeAccess(), Runnable::run);
        waiting.showingProperty().set(true);
        LayersPage before = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            LayersPage p = new LayersPage(waiting, Messages.of(Messages.ENGLISH), () -> 1.0);
            p.update();
            return p;
        }));
        List<JFreeChart> charts = before.charts();
        assertEquals(6, ((CombinedDomainXYPlot) charts.get(0).getPlot()).getSubplots().size(),
                "conv1..conv3, fc1..fc3 before any figure");
        assertEquals(0, firstSeries(charts.get(1)).getItemCount(0), "no figure yet");

        live.updateRun("b", r -> r.withInside(epoch(1, matrix(50), List.of())));
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            waiting.refresh();
            before.update();
        }));
        assertArrayEquals(new int[] {1, 1}, before.rebuilds(), "the first epoch fills the page laid out before it");
        assertSame(charts.get(1), before.charts().get(1));
        assertEquals(1, firstSeries(before.charts().get(1)).getItemCount(0), "epoch 1 drawn");
    }

    @Test
    void exportEverythingDrawsEachViewOfTheSelectedRunAndItsCsvsWhileTheViewStaysHidden() {
        InsideViewModel hidden = new InsideViewModel(live, new MetricDrain(),
                new javafx.beans.property.SimpleObjectProperty<>("a"), new InsideSamples.FakeAccess(), Runnable::run);
        java.util.Map<String, byte[]> files = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            InsideView view = new InsideView(hidden, Messages.of(Messages.ENGLISH),
                    new javafx.beans.property.SimpleDoubleProperty(1.0));
            return view.everything();
        }));
        assertEquals(5 * 2 + 2, files.size(), files.keySet().toString());
        for (java.util.Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            String text = new String(f.getValue(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(name.endsWith("-A.png") || name.endsWith("-A.svg") || name.endsWith("-A.csv"), name);
            if (name.endsWith(".png")) {
                assertEquals("PNG", text.substring(1, 4), name);
            } else if (name.endsWith(".svg")) {
                assertTrue(text.contains("<svg"), name);
            }
        }
        String layers = files.entrySet().stream().filter(e -> e.getKey().contains("-layers-"))
                .filter(e -> e.getKey().endsWith(".csv")).map(e -> new String(e.getValue())).findFirst().orElseThrow();
        assertEquals(1 + 3 * 6, layers.split("\n").length, "three epochs of six layers");
        assertTrue(!hidden.showingProperty().get(), "the view stays hidden");
    }

    private static XYSeriesCollection firstSeries(JFreeChart chart) {
        return (XYSeriesCollection) ((XYPlot) ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0))
                .getDataset(0);
    }
}
