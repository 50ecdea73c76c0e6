package org.trainlab.ui.charts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * thread drains them about sixteen times a second and hands each batch, in order, to its consumers, so a
 * chart redraws once per drain however many points arrived, and never from another thread.
 */
public final class MetricDrain {

    /**
     * About sixteen drains a second: curves move smoothly, at least ten refreshes a second even with the
     * pauses of held-out evaluation and late pulses counted. As each drain redraws a changed chart once
     * however many points arrived, four busy runs cost the FX thread about 1.5 ms a drain plus 2 to 3 ms
     * per chart drawn (docs/performance.md).
     */
    public static final Duration PERIOD = Duration.millis(60);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Queue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final List<Consumer<List<RunEvent>>> consumers = new CopyOnWriteArrayList<>();
    private Timeline timeline;
    private final Timing cost = new Timing();

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
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        List<RunEvent> events = List.copyOf(batch);
        for (Consumer<List<RunEvent>> consumer : consumers) {
            consumer.accept(events);
        }
        cost.add(System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpu);
    }

    /** What the drains that had events cost the FX thread so far (the charts' drawing not included). */
    public Timing cost() {
        return cost;
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
