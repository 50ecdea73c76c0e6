package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.trainlab.experiment.inside.InsideEpoch;
import org.trainlab.experiment.inside.Mistake;
import org.trainlab.session.LiveSession;
import org.trainlab.session.Session;
import org.trainlab.session.SessionRun;
import org.trainlab.ui.charts.MetricDrain;
import org.trainlab.ui.charts.RunEvent;

/**
 * What the Inside view shows: the selected run (and, to compare, a second one: by default the run it
 * came from), at one epoch (the latest unless the slider says otherwise), read from the session's
 * per-epoch records. It reads the session again only when the view is showing and an epoch ended (the
 * drain's session-changed events), so four training runs cost the window nothing while it is hidden.
 * Network questions (the pad's digit, feature maps) go to {@link Networks} on the background thread.
 */
public final class InsideViewModel {

    /** The views, in the order of their tabs. */
    public enum Page { CONFUSION, WRONG, LAYERS, FILTERS, PAD }

    /** One run as shown: the session's run and its figures at the epoch shown (null before its first epoch). */
    public record Shown(SessionRun run, InsideEpoch epoch) {
        public String id() {
            return run.id();
        }
    }

    /** A confusion-matrix cell of the first (0) or second (1) run shown. */
    public record Cell(int run, int trueClass, int predicted) {
    }

    private final LiveSession session;
    private final InsideAccess access;
    private final Executor fx;
    private final Networks networks;

    private final ObjectProperty<String> runId = new SimpleObjectProperty<>(this, "runId");
    private final ObjectProperty<String> compareId = new SimpleObjectProperty<>(this, "compareId");
    private final BooleanProperty compareChosen = new SimpleBooleanProperty(this, "compareChosen");
    /** The epoch shown, 1-based; 0 before any. */
    private final IntegerProperty epoch = new SimpleIntegerProperty(this, "epoch");
    private final BooleanProperty followLatest = new SimpleBooleanProperty(this, "followLatest", true);
    private final ReadOnlyIntegerWrapper epochs = new ReadOnlyIntegerWrapper(this, "epochs");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing");
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(this, "page", Page.CONFUSION);
    private final ReadOnlyObjectWrapper<List<Shown>> shown = new ReadOnlyObjectWrapper<>(this, "shown", List.of());
    private final ReadOnlyObjectWrapper<List<SessionRun>> candidates = new ReadOnlyObjectWrapper<>(this, "candidates",
            List.of());
    private final ReadOnlyObjectWrapper<Cell> cell = new ReadOnlyObjectWrapper<>(this, "cell");
    private final ReadOnlyObjectWrapper<Phrase> difference = new ReadOnlyObjectWrapper<>(this, "difference");
    private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(this, "changes");
    /** The held-out digit whose feature maps are shown. */
    private final IntegerProperty picked = new SimpleIntegerProperty(this, "picked", 0);

    private final PadModel pad = new PadModel();
    private final HeldOutDigits digits;
    private final Consumer<List<RunEvent>> onEvents = this::onEvents;
    private final MetricDrain drain;
    private boolean stale = true;
    /** True while this model sets the epoch itself, so the slider's listener does not take it for the user. */
    private boolean updating;

    /**
     * @param selected the run selected in the runs list (the window's active run)
     */
    public InsideViewModel(LiveSession session, MetricDrain drain, ObservableValue<String> selected,
                           InsideAccess access, Executor fx) {
        this.session = session;
        this.drain = drain;
        this.access = access;
        this.fx = fx;
        this.networks = new Networks(access, fx, this::bump);
        this.digits = new HeldOutDigits(access, fx, this::bump);
        drain.addConsumer(onEvents);
        runId.bind(selected);
        runId.addListener((obs, was, now) -> {
            compareChosen.set(false);
            followLatest.set(true);
            cell.set(null);
            refresh();
        });
        compareId.addListener((obs, was, now) -> {
            cell.set(null);
            refresh();
        });
        epoch.addListener((obs, was, now) -> {
            if (!updating) {
                followLatest.set(now.intValue() >= epochs.get());
                refresh();
            }
        });
        showing.addListener((obs, was, now) -> {
            if (now && stale) {
                refresh();
            }
        });
        pad.versionProperty().addListener((obs, was, now) -> networks.classify(shownRuns(), pad));
        picked.addListener((obs, was, now) -> askMaps());
        page.addListener((obs, was, now) -> {
            if (now == Page.FILTERS) {
                askMaps();
            }
        });
    }

    // ---- Commands

    /** The second run to show, by id; null for none. Chosen by hand, it stays until the selected run changes. */
    public void compareWith(String id) {
        compareChosen.set(true);
        compareId.set(id);
    }

    /** Selects a confusion cell (the digits behind it are {@link #cellMistakes()}); null clears it. */
    public void selectCell(Cell selected) {
        cell.set(selected);
    }

    /** Reads the session again and shows what changed; FX thread. Hidden, it only notes that it must. */
    public void refresh() {
        if (!showing.get()) {
            stale = true;
            return;
        }
        stale = false;
        Session s = session.snapshot();
        candidates.set(s.runs());
        SessionRun a = runId.get() == null ? null : s.run(runId.get()).orElse(null);
        if (a == null) {
            set(List.of(), 0);
            return;
        }
        if (!compareChosen.get()) {
            // a run and the run it came from, unless the user chose another
            String parent = a.parentId() != null && s.run(a.parentId()).isPresent() ? a.parentId() : null;
            if (!Objects.equals(compareId.get(), parent)) {
                updating = true;
                compareId.set(parent);
                updating = false;
            }
        }
        int last = a.inside().size();
        int at = followLatest.get() || epoch.get() <= 0 || epoch.get() > last ? last : epoch.get();
        List<Shown> next = new ArrayList<>();
        next.add(new Shown(a, at == 0 ? null : a.inside().get(at - 1)));
        Optional<SessionRun> b = compareId.get() == null || compareId.get().equals(a.id()) ? Optional.empty()
                : s.run(compareId.get());
        b.ifPresent(run -> next.add(new Shown(run, at(run, at))));
        set(next, last, at);
    }

    private void set(List<Shown> next, int last) {
        set(next, last, 0);
    }

    private void set(List<Shown> next, int last, int at) {
        updating = true;
        epochs.set(last);
        epoch.set(at);
        updating = false;
        if (!sameFigures(shown.get(), next)) {
            shown.set(List.copyOf(next));
            difference.set(next.size() == 2 && next.get(0).epoch() != null && next.get(1).epoch() != null
                    // what the selected run changed from the one it is compared with (its parent, usually)
                    ? DifferenceSentence.of(next.get(0).run().name(), next.get(1).epoch().confusion().counts(),
                    next.get(0).epoch().confusion().counts())
                    : null);
            digits.want(next);
            networks.keep(shownRuns());
            if (!pad.isBlank()) {
                networks.classify(shownRuns(), pad);
            }
            if (page.get() == Page.FILTERS) {
                askMaps();
            }
            bump();
        }
    }

    /** The second run at the same epoch number, or at its last when it has fewer. */
    private static InsideEpoch at(SessionRun run, int epoch) {
        List<InsideEpoch> all = run.inside();
        if (all.isEmpty()) {
            return null;
        }
        return all.get(Math.min(Math.max(1, epoch), all.size()) - 1);
    }

    /** The same runs with the same figures and names: nothing to redraw. */
    private static boolean sameFigures(List<Shown> before, List<Shown> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            Shown x = before.get(i);
            Shown y = after.get(i);
            if (!x.id().equals(y.id()) || x.epoch() != y.epoch() || !x.run().name().equals(y.run().name())
                    || x.run().colorIndex() != y.run().colorIndex()
                    || x.run().trainedWeights() != y.run().trainedWeights()) {
                return false;
            }
        }
        return true;
    }

    private List<SessionRun> shownRuns() {
        return shown.get().stream().map(Shown::run).toList();
    }

    private void onEvents(List<RunEvent> events) {
        for (RunEvent e : events) {
            if (e instanceof RunEvent.SessionChanged || e instanceof RunEvent.Epoch) {
                refresh();
                return;
            }
        }
    }

    private void bump() {
        changes.set(changes.get() + 1);
    }

    /** Stops listening to the drain and closes the networks it opened. */
    public void dispose() {
        drain.removeConsumer(onEvents);
        networks.closeAll();
    }

    // ---- What the views read

    /** The mistakes behind the selected cell, most confident first; empty with no cell selected. */
    public List<Mistake> cellMistakes() {
        Cell c = cell.get();
        List<Shown> now = shown.get();
        if (c == null || c.run() >= now.size() || now.get(c.run()).epoch() == null) {
            return List.of();
        }
        return ConfusionMath.inCell(now.get(c.run()).epoch().mistakes(), c.trueClass(), c.predicted(),
                Mistake::trueClass, Mistake::predictedClass, Mistake::confidence);
    }

    /** How many held-out digits the selected cell counts (the mistakes kept may be fewer). */
    public int cellCount() {
        Cell c = cell.get();
        List<Shown> now = shown.get();
        if (c == null || c.run() >= now.size() || now.get(c.run()).epoch() == null) {
            return 0;
        }
        return now.get(c.run()).epoch().confusion().count(c.trueClass(), c.predicted());
    }

    /** A run's misclassified held-out digits, worst (most confident) first. */
    public List<Mistake> worstFirst(Shown run) {
        return run.epoch() == null ? List.of()
                : ConfusionMath.worstFirst(run.epoch().mistakes(), Mistake::confidence);
    }

    /** A held-out digit's pixels (0 to 1), or null while it loads. */
    public float[] digit(SessionRun run, int heldOutIndex) {
        return digits.get(run.settings().data(), heldOutIndex);
    }

    /** The pad's latest answers by run id: ten probabilities each; runs without weights have none. */
    public Map<String, double[]> padAnswers() {
        return networks.answers();
    }

    /** The feature maps of the picked digit for a run shown, or null while they come. */
    public Networks.Maps maps(SessionRun run) {
        return networks.maps(run.id());
    }

    /** Asks every run shown for the feature maps of held-out digit {@code index}. */
    public void pickDigit(int index) {
        picked.set(index);
    }

    /** Feature maps of the picked digit from every run shown, on the background thread. */
    void askMaps() {
        List<SessionRun> runs = shownRuns();
        if (runs.isEmpty()) {
            return;
        }
        digits.load(runs.get(0).settings().data(), picked.get(), pixels -> networks.featureMaps(runs, pixels));
    }

    /** Runs file work on the background thread and hands its outcome to {@code then} on the FX thread. */
    public void inBackground(java.util.function.Supplier<String> work, Consumer<String> then) {
        access.background().execute(() -> {
            String outcome = work.get();
            fx.execute(() -> then.accept(outcome));
        });
    }

    public PadModel pad() { return pad; }

    // ---- Properties

    public ReadOnlyObjectProperty<String> runIdProperty() { return runId; }
    public ReadOnlyObjectProperty<String> compareIdProperty() { return compareId; }
    public IntegerProperty epochProperty() { return epoch; }
    public ReadOnlyIntegerProperty epochsProperty() { return epochs.getReadOnlyProperty(); }
    public BooleanProperty followLatestProperty() { return followLatest; }
    /** True while the Inside view is on screen; only then does it read the session. */
    public BooleanProperty showingProperty() { return showing; }
    public ObjectProperty<Page> pageProperty() { return page; }
    public ReadOnlyObjectProperty<List<Shown>> shownProperty() { return shown.getReadOnlyProperty(); }
    /** Every run of the session, to choose the one to compare with. */
    public ReadOnlyObjectProperty<List<SessionRun>> candidatesProperty() { return candidates.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Cell> cellProperty() { return cell.getReadOnlyProperty(); }
    /** The confusion difference between the two runs shown, as a sentence; null unless two are. */
    public ReadOnlyObjectProperty<Phrase> differenceProperty() { return difference.getReadOnlyProperty(); }
    /** Counts changes of anything shown (figures, digits loaded, answers): the visible view redraws. */
    public ReadOnlyIntegerProperty changesProperty() { return changes.getReadOnlyProperty(); }
    public IntegerProperty pickedProperty() { return picked; }
}
