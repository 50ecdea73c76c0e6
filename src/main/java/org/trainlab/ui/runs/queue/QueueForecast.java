package org.trainlab.ui.runs.queue;

import java.util.List;
import java.util.PriorityQueue;

import org.trainlab.experiment.settings.ExperimentSettings;

/**
 * When the last queued run will end: the runs in progress end when their time left says, and each
 * waiting run, in queue order, takes the first free place and lasts its epochs times the wall time of
 * an epoch measured on a run in progress, scaled by the images it handles per epoch (three passes'
 * worth per training image, one per held-out image). Epochs measured while runs share the cores
 * already include that sharing. Pure arithmetic, so it is tested with made-up figures.
 */
public final class QueueForecast {

    private QueueForecast() {
    }

    /**
     * A run in progress whose whole epochs were timed.
     *
     * @param epochSeconds wall seconds of one of its epochs
     * @param testImages   held-out images it evaluates per epoch
     */
    public record Reference(ExperimentSettings settings, double epochSeconds, int testImages) {
    }

    /**
     * @param secondsLeft each run in progress, its time left (NaN when not known yet)
     * @param waiting     the waiting runs in queue order
     * @param reference   a timed run to scale from, or null
     * @param places      how many runs train at once
     * @return seconds until the last run ends, or NaN when some run's time cannot be estimated yet
     */
    public static double secondsUntilEmpty(List<Double> secondsLeft, List<ExperimentSettings> waiting,
                                           Reference reference, int places) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (double left : secondsLeft) {
            if (Double.isNaN(left)) {
                return Double.NaN;
            }
            free.add(left);
        }
        if (!waiting.isEmpty() && (reference == null || Double.isNaN(reference.epochSeconds()))) {
            return Double.NaN;
        }
        while (free.size() < Math.max(1, places)) {
            free.add(0.0);
        }
        double end = free.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (ExperimentSettings run : waiting) {
            double start = free.poll();
            double finish = start + run.training().epochs() * epochSeconds(run, reference);
            free.add(finish);
            end = Math.max(end, finish);
        }
        return end;
    }

    /** Seconds as the run bar writes them, m:ss. */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }

    static double epochSeconds(ExperimentSettings run, Reference reference) {
        double work = 3.0 * run.data().trainSize() + reference.testImages();
        double refWork = 3.0 * reference.settings().data().trainSize() + reference.testImages();
        return reference.epochSeconds() * work / refWork;
    }
}
