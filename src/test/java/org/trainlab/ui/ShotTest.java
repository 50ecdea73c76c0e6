package org.trainlab.ui;

import java.util.Locale;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.trainlab.app.Workbench;

@ExtendWith(ApplicationExtension.class)
class ShotTest {
    Workbench wb;
    @Start void start(Stage stage) { wb = Workbench.open(stage, Locale.forLanguageTag(System.getProperty("shot.lang", "en"))); }

    @Test void shot(FxRobot robot) throws Exception {
        WaitForAsyncUtils.sleep(2, java.util.concurrent.TimeUnit.SECONDS);
        robot.interact(() -> {
            robot.lookup(".section").queryAllAs(TitledPane.class).forEach(p -> p.setExpanded(true));
            var s = wb.viewModel().settings();
            s.noiseProperty().set(true); s.rotationProperty().set(true); s.shiftProperty().set(true);
            s.schedulerKindProperty().set(org.trainlab.experiment.SchedulerKind.STEP);
            s.stepSize().textProperty().set("1"); s.gamma().textProperty().set("0.7");
            s.decayPositionProperty().set(3); s.dropoutProperty().set(true);
            s.normalizationProperty().set(org.trainlab.experiment.NormalizationKind.TRAINING_SPLIT);
            s.momentum().textProperty().set("x");
        });
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS);
        robot.interact(() -> {
            var sp = robot.lookup("#settings").queryAs(ScrollPane.class);
            var img = sp.getContent().snapshot(null, null);
            try { javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", new java.io.File("/tmp/panel.png")); } catch (Exception e) { throw new RuntimeException(e); }
        });
        robot.interact(wb::close);
    }
}
