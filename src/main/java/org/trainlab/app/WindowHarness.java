package org.trainlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.trainlab.data.AppDirs;
import org.trainlab.engine.NativeMemory;
import org.trainlab.engine.OpenMpWaitPolicy;
import org.trainlab.experiment.settings.DataSettings;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.Defaults;
import org.trainlab.experiment.settings.ExperimentSettings;
import org.trainlab.experiment.settings.ModelSettings;
import org.trainlab.experiment.settings.TrainingSettings;
import org.trainlab.preset.LocalizedText;
import org.trainlab.preset.Preset;
import org.trainlab.preset.PresetLoader;
import org.trainlab.ui.charts.ChartStyle;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.Timing;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.workspace.Workspace;
import org.trainlab.experiment.compare.SeedPlan;
import org.trainlab.ui.runs.RunsViewModel;

/**
 * Measures the real window under load and prints one line per figure: the time from JVM start to a
 * usable window (shown, the panel's settings valid so Start is on), then, with four runs training at
 * once, the longest gap between two FX pulses (how long the window stalled: overall, which includes the
 * click that queues the runs, and from two seconds after it), chart refreshes per second (drains that
 * changed a curve, counted from the first point to the last), the FX thread's time per drain and
 * resident memory (the kernel's high-water mark VmHWM, and VmRSS at the end) and, under glibc, the size of
 * its heaps (at the largest seen and at the end, with what of them was in use and free).
 *
 * <pre>scripts/window-harness.sh [-Dharness.images=2000 -Dharness.epochs=3 -Dharness.concurrency=4]</pre>
 *
 * {@code -Dharness.preset=overfitting} queues that shipped preset instead (as its button does, at the
 * window's default concurrency unless {@code harness.concurrency} is set) and adds the time from the
 * click to its last point and the longest pause in the three seconds after the click; with
 * {@code -Dharness.seeds=5} the seeds field next to Start is set to 5 first, so the preset queues as groups
 * of five seeds (the overfitting preset: 25 runs in five groups).
 *
 * <p>{@code -Dharness.listGaps=true} lists every gap over 40 ms with its time and what the window's threads did
 * meanwhile ({@link ThreadWaits}); {@code -Dharness.stalls=true}
 * samples where the FX thread was during them ({@link StallSampler}); {@code -Dharness.seconds=N} stops N seconds
 * after the click, with the figures so far ({@code -Dharness.clickOnly=true}: 4). The session's autosave goes to a
 * temporary data folder unless {@code trainlab.data.dir} is set.
 */
public final class WindowHarness {

    static final int RUNS = 4;

    private WindowHarness() {
    }

    public static void main(String[] args) throws IOException {
        OpenMpWaitPolicy.apply(); // as Main does
        if (System.getProperty(AppDirs.DATA_PROPERTY) == null) {
            System.setProperty(AppDirs.DATA_PROPERTY, Files.createTempDirectory("trainlab-harness").toString());
        }
        Application.launch(App.class, args);
        System.exit(0);
    }

    /** The measured application; public for the launcher. */
    public static final class App extends Application {
        private Workbench workbench;
        private long usableMillis = -1;
        private long trainingStart;
        private long refreshesAtStart;
        /** When to stop measuring, in nanoseconds after the click; 0: when the runs have ended. */
        private final long stopAfter = Boolean.getBoolean("harness.clickOnly") ? 4_000_000_000L
                : Long.getLong("harness.seconds", 0) * 1_000_000_000L;
        private long lastPulse;
        private long longestGap;
        private long longestGapAt;
        /** The longest gap once the first two seconds (the click and the runs' start) are over. */
        private long longestSteadyGap;
        /** The longest gap in the first three seconds after the click. */
        private long longestEarlyGap;
        private long secondAt;
        private long longestSecondGap;
        private int expectedRuns = RUNS;
        private final MemorySampler memory = new MemorySampler();
        private long lastRefreshCount;
        private long firstRefresh;
        private long firstRefreshCount;
        private long lastRefresh;
        private long longestRefreshInterval;
        private long readyAt;
        /** {@code -Dharness.clickAfter=S}, in nanoseconds. */
        private final long clickAfter = (long) (Double.parseDouble(System.getProperty("harness.clickAfter", "0")) * 1e9);
        private final List<String> figures = new ArrayList<>();
        private final List<String> longGaps = new ArrayList<>();
        private final StallSampler stalls = new StallSampler();
        private final boolean listGaps = Boolean.getBoolean("harness.listGaps");
        private ThreadWaits waits;

        @Override
        public void start(Stage stage) {
            if (Boolean.getBoolean("harness.stalls")) {
                // each sample stops the JVM at a safepoint for a few milliseconds: off for the figures
                stalls.start(Thread.currentThread());
            }
            memory.start();
            if (listGaps) {
                waits = new ThreadWaits();
            }
            long toolkitUp = ManagementFactory.getRuntimeMXBean().getUptime();
            // -Dharness.language=ko: the Korean window, as a lecture in Korea shows it
            workbench = Workbench.open(stage, Locale.forLanguageTag(System.getProperty("harness.language", "en")));
            figures.add("startup_steps_ms toolkit " + toolkitUp + ", window built and shown "
                    + ManagementFactory.getRuntimeMXBean().getUptime());
            Workspace runs = workbench.viewModel().workspace();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stalls.pulse();
                    if (usableMillis < 0) {
                        if (stage.isShowing() && runs.queue().canStartProperty().get()
                                && (System.getProperty("harness.preset") == null || !runs.presets().presets().isEmpty())
                                // -Dharness.afterEngine: the click comes once the native libraries are loaded
                                && (!Boolean.getBoolean("harness.afterEngine")
                                    || !"engine.loading".equals(workbench.viewModel().engineStatusProperty().get().key()))
                                && clickedAfterReading(now)) {
                            usableMillis = System.currentTimeMillis()
                                    - ManagementFactory.getRuntimeMXBean().getStartTime();
                            figures.add((readyAt == now ? "startup_to_usable_ms " : "click_at_ms ") + usableMillis);
                            stalls.phase("queueing");
                            queue(runs);
                            stalls.phase("first 2 s");
                            trainingStart = now;
                            lastPulse = now;
                            refreshesAtStart = charts().refreshCount();
                            lastRefreshCount = refreshesAtStart;
                        }
                        return;
                    }
                    if (now - lastPulse > longestGap) {
                        longestGap = now - lastPulse;
                        longestGapAt = lastPulse - trainingStart;
                    }
                    if (listGaps) {
                        boolean lengthy = now - lastPulse > 40_000_000L;
                        String what = waits.pulse(lengthy);
                        if (lengthy) {
                            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
                            longGaps.add(String.format(Locale.ROOT, "  gap %.1f ms ending at uptime %.3f s (%d ms since the epoch)%s %s",
                                    (now - lastPulse) / 1e6, uptime / 1e3, System.currentTimeMillis(),
                                    lastPulse - trainingStart > 2_000_000_000L ? " while training" : "", what));
                        }
                    }
                    if (secondAt > 0 && lastPulse - secondAt < 3_000_000_000L) {
                        longestSecondGap = Math.max(longestSecondGap, now - lastPulse);
                    }
                    if (secondAt == 0 && System.getProperty("harness.secondClick") != null && now - trainingStart > 8_000_000_000L) {
                        String id = System.getProperty("harness.secondClick");
                        Preset p2 = runs.presets().presets().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
                        figures.add("second_click_ms " + id + " " + timedClick(() -> runs.presets().queuePreset(p2)));
                        expectedRuns += p2.runs().size();
                        secondAt = System.nanoTime();
                        lastPulse = secondAt;
                        return;
                    }
                    if (lastPulse - trainingStart < 3_000_000_000L) {
                        longestEarlyGap = Math.max(longestEarlyGap, now - lastPulse);
                    }
                    if (lastPulse - trainingStart > 2_000_000_000L) {
                        stalls.phase("training");
                        longestSteadyGap = Math.max(longestSteadyGap, now - lastPulse);
                    }
                    lastPulse = now;
                    long count = charts().refreshCount();
                    if (count != lastRefreshCount) {
                        lastRefreshCount = count;
                        if (firstRefresh == 0) {
                            firstRefresh = now;
                            firstRefreshCount = count;
                        } else {
                            longestRefreshInterval = Math.max(longestRefreshInterval, now - lastRefresh);
                        }
                        lastRefresh = now;
                    }
                    if (stopAfter > 0 && now - trainingStart > stopAfter) {
                        stop(); // -Dharness.clickOnly: only the first seconds after the click; -Dharness.seconds=N: N
                        report(now, runs);
                        return;
                    }
                    if (runs.runs().rows().size() == expectedRuns && runs.runs().rows().stream().allMatch(r -> r.phaseProperty().get().ended())) {
                        stop();
                        report(now, runs);
                    }
                }
            }.start();
        }

        /**
         * {@code -Dharness.clickAfter=S}: the click comes S seconds after the window became usable, as a user
         * reads the window before clicking; 0 (the default), at once.
         */
        private boolean clickedAfterReading(long now) {
            if (readyAt == 0) {
                readyAt = now;
                if (clickAfter > 0) {
                    figures.add("startup_to_usable_ms " + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                            + " (the click comes " + clickAfter / 1e9 + " s later)");
                }
            }
            return now - readyAt >= clickAfter;
        }

        /** Runs a click's work on this (the FX) thread: "wall ms (FX thread's CPU ms)". */
        private static String timedClick(Runnable click) {
            long before = System.nanoTime();
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            click.run();
            return String.format(Locale.ROOT, "%.1f (FX thread's CPU %.1f)", (System.nanoTime() - before) / 1e6,
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e6);
        }

        private ChartsModel charts() {
            return workbench.viewModel().charts();
        }

        /** Four runs of the same comparison, all at once. */
        private void queue(Workspace runs) {
            String presetId = System.getProperty("harness.preset");
            if (presetId != null) {
                // the window has read its presets in the background by now, as it does before a user can click
                List<Preset> loaded = runs.presets().presets().isEmpty() ? PresetLoader.loadAll().presets() : runs.presets().presets();
                Preset preset = loaded.stream().filter(p -> p.id().equals(presetId)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no preset " + presetId));
                // -Dharness.seeds=N: the seeds field next to Start set to N, as a user would before queuing the preset
                Integer seeds = Integer.getInteger("harness.seeds");
                if (seeds != null) {
                    String problem = SeedPlan.problem(seeds);
                    if (problem != null) {
                        throw new IllegalArgumentException("harness.seeds " + problem);
                    }
                    runs.runs().grouping().seedsProperty().set(seeds);
                }
                expectedRuns = preset.runs().size() * runs.runs().grouping().seedsFor(preset);
                Integer concurrency = Integer.getInteger("harness.concurrency");
                if (concurrency != null) {
                    runs.queue().setConcurrency(concurrency);
                }
                // the instructor skips the class's prediction: the clock measures the training, not the dialog
                runs.runs().grouping().setPredictHandler((title, criterion, candidates, answer) -> answer.accept(-1));
                figures.add("queue_preset_ms " + presetId + " " + timedClick(() -> runs.presets().queuePreset(preset))
                        + ", " + expectedRuns + " runs in " + runs.runs().grouping().rows().size() + " groups");
                return;
            }
            int images = Integer.getInteger("harness.images", 2000);
            int epochs = Integer.getInteger("harness.epochs", 3);
            ExperimentSettings base = Defaults.settings()
                    .withData(new DataSettings(DatasetSource.BUNDLED_DIGITS, null, images))
                    .withTraining(new TrainingSettings(epochs, 64, 1));
            List<Preset.Run> four = List.of(
                    new Preset.Run(LocalizedText.of("Plain", "기본"), base),
                    new Preset.Run(LocalizedText.of("Batch norm", "배치 정규화"),
                            base.withModel(new ModelSettings(base.model().kind(), true, 0))),
                    new Preset.Run(LocalizedText.of("Dropout", "드롭아웃"),
                            base.withModel(new ModelSettings(base.model().kind(), false, 0.2))),
                    new Preset.Run(LocalizedText.of("Both", "둘 다"),
                            base.withModel(new ModelSettings(base.model().kind(), true, 0.2))));
            runs.queue().setConcurrency(Integer.getInteger("harness.concurrency", RUNS));
            long before = System.nanoTime();
            runs.presets().queuePreset(new Preset("harness", "harness", LocalizedText.of("Harness", "측정"),
                    LocalizedText.of("Four runs at once.", "네 실행을 동시에."), four));
            figures.add("queue_four_runs_ms " + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - before) / 1e6));
            String inside = System.getProperty("harness.inside", "");
            if (!inside.isEmpty()) {
                // after the click's steps, the last of which makes the first run active
                runs.tasks().afterFrame(() -> showInside(runs, inside));
            }
        }

        /**
         * {@code -Dharness.inside=layers} (or confusion, wrong, filters, pad) measures with the Inside view
         * open on that tab, showing the last run beside the run it came from.
         */
        private void showInside(Workspace workspace, String page) {
            RunsViewModel runs = workspace.runs();
            runs.activeRunIdProperty().set(runs.rows().get(runs.rows().size() - 1).id());
            for (javafx.scene.Node n : javafx.stage.Window.getWindows().get(0).getScene().getRoot().lookupAll(".tab-pane")) {
                javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) n;
                tabs.getTabs().stream().filter(t -> "tab-inside".equals(t.getId())
                        || ("inside-tab-" + page).equals(t.getId())).forEach(t -> tabs.getSelectionModel().select(t));
            }
            figures.add("inside_view_open " + workbench.viewModel().inside().pageProperty().get() + ", showing "
                    + workbench.viewModel().inside().shownProperty().get().size() + " runs");
        }

        private void report(long now, Workspace runs) {
            double seconds = (now - trainingStart) / 1e9;
            long refreshes = charts().refreshCount() - refreshesAtStart;
            long ended = runs.runs().rows().stream().filter(r -> r.phaseProperty().get() == RunRow.Phase.COMPLETED).count();
            figures.add("runs_completed " + ended + " of " + expectedRuns + ", " + runs.queue().concurrencyProperty().get() + " at once, " + String.format(Locale.ROOT, "%.1f", seconds) + " s");
            figures.add("longest_fx_pulse_gap_ms " + String.format(Locale.ROOT, "%.1f (%.1f s after the runs were queued)",
                    longestGap / 1e6, longestGapAt / 1e9));
            figures.add("click_to_last_point_s " + String.format(Locale.ROOT, "%.1f", (lastRefresh - trainingStart) / 1e9));
            if (secondAt > 0) {
                figures.add("second_click_gap_3s_ms " + String.format(Locale.ROOT, "%.1f", longestSecondGap / 1e6));
            }
            figures.add("longest_fx_pulse_gap_first_3s_ms " + String.format(Locale.ROOT, "%.1f", longestEarlyGap / 1e6));
            figures.add("longest_fx_pulse_gap_while_training_ms " + String.format(Locale.ROOT, "%.1f (from 2 s after the click)",
                    longestSteadyGap / 1e6));
            double streaming = (lastRefresh - firstRefresh) / 1e9;
            figures.add("chart_refreshes_per_second " + String.format(Locale.ROOT,
                    "%.2f while curves were arriving (%.1f s from the first point to the last; %.2f over the whole %.1f s; longest interval %.0f ms)",
                    (lastRefreshCount - firstRefreshCount) / streaming, streaming, refreshes / seconds, seconds, longestRefreshInterval / 1e6));
            figures.add("fx_time_per_drain_ms " + timing(workbench.drain().cost(), "drains with events", seconds));
            // the FX thread's CPU time in them: what the window's code costs, however busy the machine
            figures.add(String.format(Locale.ROOT, "fx_cpu_per_drain_ms %.2f mean", workbench.drain().cost().meanCpuMillis()));
            figures.add("chart_draw_ms " + timing(ChartStyle.DRAWS, "draws, all charts", seconds));
            memory.sample();
            figures.add("rss_peak_mb " + mb(memory.rssPeak()));
            figures.add("rss_end_mb " + mb(MemorySampler.status("VmRSS:")));
            NativeMemory.heaps().ifPresent(end -> {
                NativeMemory.Heaps peak = memory.heapsPeak();
                figures.add(String.format(Locale.ROOT, "glibc_heaps_mb %d at the largest (%d in use, %d free), %d at the end (%d in use, %d free)",
                        mb(peak.bytes()), mb(peak.inUse()), mb(peak.free()), mb(end.bytes()), mb(end.inUse()), mb(end.free())));
            });
            figures.add("cpu_s_by_thread " + cpuByThread());
            javafx.scene.Parent root = javafx.stage.Window.getWindows().get(0).getScene().getRoot();
            figures.add("scene_nodes " + nodes(root, false) + ", of which visible " + nodes(root, true));
            Runtime rt = Runtime.getRuntime();
            figures.add("heap_mb used " + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024) + ", committed "
                    + rt.totalMemory() / (1024 * 1024) + ", max " + rt.maxMemory() / (1024 * 1024));
            figures.forEach(System.out::println);
            longGaps.forEach(System.out::println);
            if (Boolean.getBoolean("harness.stalls")) {
                stalls.report(System.out);
            }
            workbench.close();
            Platform.exit();
        }

        /** The nodes JavaFX walks at every pulse to update bounds; with {@code visibleOnly}, those shown. */
        private static int nodes(javafx.scene.Node node, boolean visibleOnly) {
            if (visibleOnly && !node.isVisible()) {
                return 0;
            }
            int count = 1;
            if (node instanceof javafx.scene.Parent parent) {
                for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                    count += nodes(child, visibleOnly);
                }
            }
            return count;
        }

        private static String timing(Timing t, String what, double seconds) {
            return String.format(Locale.ROOT, "%.2f mean, %.1f longest (%d %s, %.1f a second)",
                    t.meanMillis(), t.longestMillis(), t.count(), what, t.count() / seconds);
        }

        /**
         * CPU seconds of this process's threads still alive, grouped by name without its digits (native
         * threads take the name of the thread that made them: OpenMP's count with their run), largest
         * first, and the whole process's; empty where there is no /proc.
         */
        private static String cpuByThread() {
            Map<String, Long> ticks = new TreeMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime are fields 14 and 15 of stat, the 12th and 13th after the name
                    ticks.merge(name, Long.parseLong(after[11]) + Long.parseLong(after[12]), Long::sum);
                }
                String self = Files.readString(Path.of("/proc/self/stat"));
                String[] after = self.substring(self.lastIndexOf(')') + 2).split(" ");
                long all = Long.parseLong(after[11]) + Long.parseLong(after[12]);
                StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "process %.1f;", all / 100.0));
                ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                        .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(), e.getValue() / 100.0)));
                return out.toString();
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        private static long mb(long bytes) {
            return bytes / (1024 * 1024);
        }
    }
}
