package org.trainlab.ui.charts;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Spreads the charts' redraws over the FX pulses, one chart per pulse, so that many charts changing
 * at once (the curves' three charts when a run is added) do not stall the window for the sum of their
 * drawings. What a chart draws on its canvas is rasterized before the next pulse, in software on most
 * lecture machines, where a chart of six small plots takes 15 to 40 ms: a pulse that drew four of them
 * stalled the window for over 100 ms. The first redraw asked for runs just after the event that asked,
 * as before; the others at the next pulses, in the order asked. (The Inside view's large charts are
 * drawn off the FX thread: {@link BackgroundChartView}.) FX thread.
 */
final class RedrawPacer {

    /** The redraws waiting, in the order asked. */
    private static final Deque<Runnable> WAITING = new ArrayDeque<>();
    private static boolean slotAsked;
    private static final AnimationTimer PULSES = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (drawnBeforePulse) {
                // the pulse renders what was drawn just before it; the next one draws
                drawnBeforePulse = false;
            } else {
                drawOne();
            }
        }
    };
    private static boolean pulsing;
    private static boolean drawnBeforePulse;

    private RedrawPacer() {
    }

    /** Runs {@code redraw} just after the current event, or at a later pulse if others wait before it. */
    static void request(Runnable redraw) {
        WAITING.add(redraw);
        if (!slotAsked && !pulsing) {
            slotAsked = true;
            Platform.runLater(() -> {
                slotAsked = false;
                drawnBeforePulse = true;
                drawOne();
            });
        }
    }

    /** Runs every redraw still waiting now (before the window is pictured or a test reads what was drawn). */
    static void flush() {
        for (Runnable next = next(); next != null; next = next()) {
            next.run();
        }
        stopPulsing();
    }

    /** How many redraws wait for a later pulse. */
    static int pending() {
        return WAITING.size();
    }

    /** The next redraw to run; null when none waits. */
    private static Runnable next() {
        return WAITING.poll();
    }

    private static void drawOne() {
        Runnable next = next();
        if (next != null) {
            next.run();
        }
        if (pending() == 0) {
            stopPulsing();
        } else if (!pulsing) {
            pulsing = true;
            PULSES.start();
        }
    }

    private static void stopPulsing() {
        if (pulsing) {
            pulsing = false;
            PULSES.stop();
        }
    }
}
