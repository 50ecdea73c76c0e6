package org.trainlab.ui.inside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trainlab.engine.TrainingListener;
import org.trainlab.engine.TrainingRun;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.TrainedWeights;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.MainWindow;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.experiment.text.Messages;

/**
 * The Inside view on a network really trained (200 bundled digits, one epoch, through the engine's
 * public API): a stroke drawn with the mouse on the pad is answered with ten probabilities that sum
 * to 1, and every tab draws the run's figures.
 */
@ExtendWith(ApplicationExtension.class)
class InsideWindowTest {

    private static SessionRun trained;
    private InsideViewModel vm;
    private InsideView view;

    @BeforeAll
    static void trainATinyNetwork() {
        ExperimentSettings s = Defaults.settings().withName("Tiny")
                .withData(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, 200))
                .withTraining(new TrainingSettings(1, 50, 5));
        AtomicReference<InsideEpoch> inside = new AtomicReference<>();
        AtomicReference<TrainedWeights> weights = new AtomicReference<>();
        RunState end = new TrainingRun(s, TrainingRun.DataSource.DEFAULT, new TrainingListener() {
            @Override
            public void onInside(InsideEpoch epoch) {
                inside.set(epoch);
            }

            @Override
            public void onWeights(TrainedWeights w) {
                weights.set(w);
            }
        }).run();
        assertEquals(RunState.COMPLETED, end);
        assertNotNull(inside.get(), "the run measured its inside at the epoch's end");
        assertNotNull(weights.get(), "the run sent its weights");
        trained = SessionRun.queued("tiny", 2, s).withInside(inside.get()).withTrainedWeights(weights.get())
                .withState(RunState.COMPLETED, null);
    }

    @Start
    void start(Stage stage) {
        LiveSession live = new LiveSession(Session.empty().withRun(trained));
        vm = new InsideViewModel(live, new MetricDrain(), new SimpleObjectProperty<>("tiny"), InsideAccess.standard(),
                Platform::runLater);
        view = new InsideView(vm, Messages.of(Messages.ENGLISH), new SimpleDoubleProperty(1.0));
        TabPane tabs = new TabPane(view.tab());
        Scene scene = new Scene(tabs, 1100, 700);
        scene.getStylesheets().add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            vm.dispose();
        });
    }

    @Test
    void aStrokeOnThePadIsAnsweredWithTenProbabilitiesThatSumToOne(FxRobot robot) throws Exception {
        robot.clickOn("#inside-tab-pad");
        WaitForAsyncUtils.waitForFxEvents();
        Bounds pad = robot.lookup("#inside-pad").query().localToScreen(
                robot.lookup("#inside-pad").query().getLayoutBounds());
        double x = pad.getMinX() + pad.getWidth() * 0.5;
        // a "1": one stroke down the middle
        robot.moveTo(new javafx.geometry.Point2D(x, pad.getMinY() + pad.getHeight() * 0.2));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i <= 10; i++) {
            robot.moveTo(new javafx.geometry.Point2D(x + i * 0.5, pad.getMinY() + pad.getHeight() * (0.2 + i * 0.06)));
        }
        robot.release(MouseButton.PRIMARY);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.padAnswers().containsKey("tiny"));
        assertTrue(!vm.pad().isBlank(), "the stroke put ink on the pad");
        double[] p = vm.padAnswers().get("tiny");
        assertEquals(10, p.length);
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0 && v <= 1, "a probability: " + v);
            sum += v;
        }
        assertEquals(1.0, sum, 1e-5);

        robot.clickOn("#inside-pad-clear");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.padAnswers().isEmpty());
    }

    @Test
    void everyTabDrawsTheRunsFiguresAndAClickedCellShowsItsDigits(FxRobot robot) throws Exception {
        assertEquals(1, vm.shownProperty().get().size());
        assertNotNull(vm.shownProperty().get().get(0).epoch());
        // click the matrix's first cell of the diagonal: the digits of that cell (none: it is a right answer)
        Bounds m = robot.lookup("#inside-confusion").query().localToScreen(
                robot.lookup("#inside-confusion").query().getLayoutBounds());
        robot.clickOn(new javafx.geometry.Point2D(m.getMinX() + m.getWidth() / 2, m.getMinY() + m.getHeight() / 2));
        assertNotNull(vm.cellProperty().get(), "a click in the matrix selects a cell");
        for (String id : List.of("wrong", "layers", "filters", "pad", "confusion")) {
            robot.clickOn("#inside-tab-" + id);
            WaitForAsyncUtils.waitForFxEvents();
        }
        // the filters tab asked the network for the picked digit's feature maps
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.maps(trained) != null);
        assertEquals(3, vm.maps(trained).layers().size(), "conv1, conv2 and conv3");
    }
}
