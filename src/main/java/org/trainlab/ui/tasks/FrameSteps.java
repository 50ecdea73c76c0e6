package org.trainlab.ui.tasks;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.animation.AnimationTimer;

/**
 * The window's steps of a long action, one per frame: each step runs at a pulse after the window has
 * laid out and drawn what the step before it changed, so a click that fills the runs list, the charts
 * and the settings panel, then starts training, shows each part as it is done instead of freezing the
 * window for the sum of them. Steps run in the order given. FX thread.
 */
final class FrameSteps {

    private static final Deque<Runnable> WAITING = new ArrayDeque<>();
    /** The first pulse after an event lays out what the event changed; the first step waits for the next. */
    private static boolean skipOne;
    private static final AnimationTimer PULSES = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (skipOne) {
                skipOne = false;
                return;
            }
            // the timer runs only while a step waits
            Runnable step = WAITING.poll();
            if (WAITING.isEmpty()) {
                stop();
            }
            step.run();
        }
    };

    private FrameSteps() {
    }

    /** Runs {@code step} at a later pulse, after the steps given before it. */
    static void later(Runnable step) {
        if (WAITING.isEmpty()) {
            skipOne = true;
            PULSES.start();
        }
        WAITING.add(step);
    }
}
