package org.trainlab.ui;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.trainlab.ui.charts.ChartsModel;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.workspace.Workspace;
import org.trainlab.ui.runs.Status;
import org.trainlab.ui.settings.SettingsViewModel;
import org.trainlab.ui.hall.HallViewModel;
import org.trainlab.ui.inside.InsideAccess;
import org.trainlab.ui.inside.InsideViewModel;

/**
 * The window's state beyond one panel: language, zoom (for the back of a lecture hall), projector
 * mode and the engine's readiness; and the panels' view models, which outlive any view of them.
 */
public final class MainViewModel {

    /** Zoom steps; each has a CSS class {@code zoom-<percent>} on the root. */
    public static final List<Double> ZOOM_STEPS = List.of(0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0);
    public static final double PROJECTOR_ZOOM = 1.5;

    private final SettingsViewModel settings;
    private final ChartsModel charts;
    private final MetricDrain drain;
    private final Workspace workspace;
    private final HallViewModel hall;

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1.0);
    private final BooleanProperty projectorMode = new SimpleBooleanProperty(this, "projectorMode");
    private final ReadOnlyObjectWrapper<Status> engineStatus = new ReadOnlyObjectWrapper<>(this, "engineStatus",
            Status.of("engine.loading"));
    private double zoomBeforeProjector = 1.0;
    private InsideViewModel inside;

    /** Builds the runs model over the window's charts and language, once both exist. */
    @FunctionalInterface
    public interface RunsFactory {
        Workspace create(ChartsModel charts, javafx.beans.value.ObservableValue<Locale> locale);
    }

    public MainViewModel(SettingsViewModel settings, MetricDrain drain, Locale locale, RunsFactory runsFactory) {
        this.settings = settings;
        this.drain = drain;
        this.locale.set(locale);
        this.charts = new ChartsModel();
        this.workspace = runsFactory.create(charts, this.locale);
        this.hall = new HallViewModel(workspace.runs(), workspace.presets().presets());
        // the presentation view's verdict is the one the groups list shows for the selected run's group
        hall.setVerdicts(workspace.runs().grouping()::verdictOf);
        workspace.runs().addRefreshListener(s -> hall.refreshVerdict());
        // a run's colour belongs to the session: saved and opened with it
        charts.options().setColorHandler((id, color) -> workspace.runs().change(
                s -> s.updateRun(id, r -> r.withColorIndex(color))));
        projectorMode.addListener((obs, was, on) -> {
            if (on) {
                zoomBeforeProjector = zoom.get();
                zoom.set(Math.max(PROJECTOR_ZOOM, zoom.get()));
            } else {
                zoom.set(zoomBeforeProjector);
            }
        });
    }

    // ---- Commands

    public void zoomIn() {
        step(+1);
    }

    public void zoomOut() {
        step(-1);
    }

    public void resetZoom() {
        projectorMode.set(false);
        zoom.set(1.0);
    }

    private void step(int direction) {
        int index = ZOOM_STEPS.indexOf(zoom.get());
        int next = Math.max(0, Math.min(ZOOM_STEPS.size() - 1, index + direction));
        zoom.set(ZOOM_STEPS.get(next));
    }

    /** The native libraries are loaded; FX thread. */
    public void engineReady(String summary) {
        engineStatus.set(Status.of("engine.ready", summary));
    }

    /** As {@link #engineReady(String)}, the summary in the window's language (a status with its own key). */
    public void engineReady(Status summary) {
        engineStatus.set(Status.of("engine.ready", summary));
    }

    public void engineFailed(String message) {
        engineStatus.set(Status.of("engine.failed", message == null ? "" : message));
    }

    // ---- Properties

    public SettingsViewModel settings() { return settings; }
    /** The open session's rooms: runs, queue, presets, replay, session file, export. */
    public Workspace workspace() { return workspace; }
    public RunsViewModel runs() { return workspace.runs(); }
    public ChartsModel charts() { return charts; }
    /** The Inside view's model, made at first use; it outlives its views like the others. */
    public InsideViewModel inside() {
        if (inside == null) {
            inside = new InsideViewModel(runs().session(), drain, runs().activeRunIdProperty(),
                    InsideAccess.standard(), javafx.application.Platform::runLater);
            inside.followReplay(workspace.replay().replayedEpochsProperty());
        }
        return inside;
    }
    /** The presentation view and the lesson's focus. */
    public HallViewModel hall() { return hall; }
    public MetricDrain drain() { return drain; }
    public ObjectProperty<Locale> localeProperty() { return locale; }
    /** One of {@link #ZOOM_STEPS}. */
    public ReadOnlyDoubleProperty zoomProperty() { return zoom.getReadOnlyProperty(); }
    public BooleanProperty projectorModeProperty() { return projectorMode; }
    public ReadOnlyObjectProperty<Status> engineStatusProperty() { return engineStatus.getReadOnlyProperty(); }

}
