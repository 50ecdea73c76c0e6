package org.trainlab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The one door between training threads and the FX thread: any thread {@link #offer}s events; the FX
 * thread drains them a few times a second and hands each batch, in order, to its consumers, so a
 * chart redraws once per drain however many points arrived, and never from another thread.
 */
public final class MetricDrain {

    /** Four drains a second: curves look live and a busy run costs the FX thread little. */
    public static final Duration PERIOD = Duration.millis(250);

    private final Queue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final List<Consumer<List<RunEvent>>> consumers = new CopyOnWriteArrayList<>();
    private Timeline timeline;

    /** From any thread. */
    public void offer(RunEvent event) {
        queue.add(event);
    }

    /** Consumers run on the FX thread, in the order added. */
    public void addConsumer(Consumer<List<RunEvent>> consumer) {
        consumers.add(consumer);
    }

    public void removeConsumer(Consumer<List<RunEvent>> consumer) {
        consumers.remove(consumer);
    }

    /** Hands everything queued so far to the consumers; FX thread only. */
    public void drain() {
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent event; (event = queue.poll()) != null; ) {
            batch.add(event);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<RunEvent> events = List.copyOf(batch);
        for (Consumer<List<RunEvent>> consumer : consumers) {
            consumer.accept(events);
        }
    }

    /** Starts draining every {@link #PERIOD}; FX thread. */
    public void start() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(PERIOD, e -> drain()));
            timeline.setCycleCount(Animation.INDEFINITE);
        }
        timeline.play();
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
        }
    }
}
