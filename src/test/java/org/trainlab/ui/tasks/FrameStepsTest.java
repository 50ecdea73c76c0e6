package org.trainlab.ui.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's steps of a long action: one a pulse, in order, none in the pulse that lays out the event. */
@ExtendWith(ApplicationExtension.class)
class FrameStepsTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 200, 100));
        stage.show();
    }

    @Test
    void eachStepRunsAtAPulseOfItsOwnInTheOrderGiven(FxRobot robot) throws Exception {
        long[] pulses = {0};
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses[0]++;
            }
        };
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        long[] askedAt = {0};
        robot.interact(() -> {
            counter.start(); // before the steps' timer: each pulse counts first, then runs its step
            for (String name : List.of("rows", "charts", "panel")) {
                FrameSteps.later(() -> {
                    steps.add(name + (Platform.isFxApplicationThread() ? "" : " off the FX thread"));
                    at.add(pulses[0]);
                });
            }
            askedAt[0] = pulses[0];
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> steps.size() == 3);
        robot.interact(counter::stop);

        assertEquals(List.of("rows", "charts", "panel"), steps);
        assertTrue(at.get(0) >= askedAt[0] + 2, "the pulse after the event lays out what it did; the first step waits: " + at);
        assertTrue(at.get(0) < at.get(1) && at.get(1) < at.get(2), "one step a pulse: " + at);
    }
}
