package org.trainlab.ui.inside;

import java.io.File;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.MainWindow;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.i18n.Messages;

@ExtendWith(ApplicationExtension.class)
class LookTmpTest {
    InsideViewModel vm;
    Scene scene;

    @Start
    void start(Stage stage) {
        SessionRun a = SessionRun.queued("a", 0, Defaults.settings().withName("No regularization"));
        SessionRun b = SessionRun.queued("b", 1, Defaults.settings().withName("Dropout 0.2")).withParentId("a");
        for (int e = 1; e <= 5; e++) {
            a = a.withInside(InsideSamples.epoch(e, InsideSamples.matrix(90 + e, 4, 9, 12 - e, 7, 2, 5, 3, 5, 4),
                    List.of(InsideSamples.mistake(1, 4, 9, 0.97), InsideSamples.mistake(2, 7, 2, 0.8),
                            InsideSamples.mistake(3, 3, 5, 0.6))));
            b = b.withInside(InsideSamples.epoch(e, InsideSamples.matrix(92 + e, 4, 9, 4, 9, 4, 3, 3, 5, 2),
                    List.of(InsideSamples.mistake(4, 9, 4, 0.9))));
        }
        a = a.withTrainedWeights(new TrainedWeights(Defaults.settings().model(), 5, 0, 1, new float[3], null))
                .withState(RunState.COMPLETED, null);
        b = b.withTrainedWeights(new TrainedWeights(Defaults.settings().model(), 4, 0, 1, new float[3], null))
                .withState(RunState.COMPLETED, null);
        LiveSession live = new LiveSession(Session.empty().withRun(a).withRun(b));
        InsideSamples.FakeAccess access = new InsideSamples.FakeAccess();
        vm = new InsideViewModel(live, new MetricDrain(), new SimpleObjectProperty<>("b"), access, Platform::runLater);
        String lang = System.getProperty("look.lang", "en");
        double zoom = Double.parseDouble(System.getProperty("look.zoom", "1"));
        InsideView view = new InsideView(vm, Messages.of(java.util.Locale.forLanguageTag(lang)), new SimpleDoubleProperty(zoom));
        TabPane tabs = new TabPane(view.tab());
        scene = new Scene(tabs, 1280, 620);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        tabs.getStyleClass().add("zoom-" + Math.round(zoom * 100));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void look(FxRobot robot) throws Exception {
        for (String id : List.of("confusion", "wrong", "layers", "filters", "pad")) {
            robot.clickOn("#inside-tab-" + id);
            if (id.equals("confusion")) {
                robot.interact(() -> vm.selectCell(new InsideViewModel.Cell(0, 4, 9)));
            }
            if (id.equals("pad")) {
                robot.interact(() -> vm.pad().stroke(14, 5, 14, 23));
            }
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png",
                            new File("/tmp/insideui-look-" + id + ".png"));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
        }
    }
}
