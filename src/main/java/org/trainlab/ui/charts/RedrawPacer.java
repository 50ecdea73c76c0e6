package org.trainlab.ui.charts;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Spreads the charts' redraws over the FX pulses, one chart per pulse, so that many charts changing
 * at once (an epoch's end refilling the Inside view's large charts while the curves move) do not
 * stall the window for the sum of their drawings. What a chart draws on its canvas is rasterized
 * before the next pulse, in software on most lecture machines, where a chart of six small plots
 * takes 15 to 40 ms: a pulse that drew four of them stalled the window for over 100 ms. The first
 * redraw asked for runs just after the event that asked, as before; the others at the next pulses,
 * the curves' small charts first, in the order asked, then the large ones ({@link ChartStyle#large}),
 * so the curves keep their ten refreshes a second. FX thread only.
 */
final class RedrawPacer {

    /** The curves' small charts, drawn first: a refresh a tenth of a second must not wait. */
    private static final Deque<Runnable> SMALL = new ArrayDeque<>();
    /** The large charts ({@link ChartStyle#large}), drawn at the pulses the small ones leave. */
    private static final Deque<Runnable> LARGE = new ArrayDeque<>();
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

    /**
     * Runs {@code redraw} just after the current event, or at a later pulse if others wait before it:
     * small charts' before large ones'.
     */
    static void request(Runnable redraw, boolean large) {
        (large ? LARGE : SMALL).add(redraw);
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
        return SMALL.size() + LARGE.size();
    }

    /** The next redraw to run, small charts' first; null when none waits. */
    private static Runnable next() {
        return SMALL.isEmpty() ? LARGE.poll() : SMALL.poll();
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
