package org.trainlab.ui.runs.view;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.trainlab.ui.group.GroupsView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.experiment.record.RunState;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.runs.RunsViewModel;
import org.trainlab.ui.workspace.Workspace;
import org.trainlab.ui.runs.queue.RunQueue;
import org.trainlab.ui.settings.FieldProblem;
import org.trainlab.ui.settings.ProblemText;

/**
 * Start (or queue), Pause/Resume and Stop of the active run with their shortcuts, its progress (epoch,
 * batch, images per second, time left), what the settings panel is editing, and why Start is
 * disabled when a setting is wrong.
 */
public final class RunControlsView {

    /** How many problems Start's reason names before "and N more". */
    static final int REASONS_SHOWN = 2;

    private final RunsViewModel runs;
    private final RunQueue queue;
    private final Messages messages;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private VBox root;

    public RunControlsView(Workspace workspace, Messages messages) {
        this.runs = workspace.runs();
        this.queue = workspace.queue();
        this.messages = messages;
        createView();
    }

    public Node node() {
        return root;
    }

    private void createView() {
        Button start = new Button();
        start.setId("run-start");
        start.getStyleClass().add("accent");
        start.setOnAction(e -> queue.start());
        disableUnless(start, queue.canStartProperty());
        // "Queue" when the run would wait behind others, so nobody wonders why nothing happens at once
        subscriptions.add(Bindings.createBooleanBinding(
                () -> queue.inProgressProperty().get() + queue.waitingCountProperty().get() >= queue.concurrencyProperty().get(),
                queue.inProgressProperty(), queue.waitingCountProperty(), queue.concurrencyProperty())
                .subscribe(wait -> start.setText(messages.get(wait ? "run.queue" : "run.start"))));

        Button pause = new Button();
        pause.setId("run-pause");
        pause.setTooltip(new Tooltip(messages.get("run.pause.tooltip")));
        pause.setOnAction(e -> queue.togglePause());
        disableUnless(pause, queue.canPauseProperty());
        subscriptions.add(runs.stateProperty().subscribe(s ->
                pause.setText(messages.get(s == RunState.PAUSED ? "run.resume" : "run.pause"))));

        Button stop = new Button(messages.get("run.stop"));
        stop.setId("run-stop");
        stop.setTooltip(new Tooltip(messages.get("run.stop.tooltip")));
        stop.setOnAction(e -> queue.stop());
        disableUnless(stop, queue.canStopProperty());

        ProgressBar bar = new ProgressBar(0);
        bar.setId("run-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(runs.progressProperty());
        subscriptions.add(bar.progressProperty()::unbind);
        HBox.setHgrow(bar, Priority.ALWAYS);

        Label where = new Label();
        where.setId("run-where");
        where.getStyleClass().add("run-figure");
        subscriptions.add(Bindings.createStringBinding(this::whereText, runs.epochProperty(), runs.epochsProperty(),
                runs.batchProperty(), runs.batchesProperty()).subscribe(where::setText));
        Label speed = new Label();
        speed.setId("run-speed");
        speed.getStyleClass().add("run-figure");
        speed.setTooltip(new Tooltip(messages.get("timing.speed.tooltip")));
        subscriptions.add(Bindings.createStringBinding(this::speedText, runs.imagesPerSecondProperty(),
                runs.secondsLeftProperty()).subscribe(speed::setText));

        HBox buttons = new HBox(start, GroupsView.seedsChooser(runs.grouping(), messages, subscriptions), pause, stop, bar,
                where, speed);
        buttons.getStyleClass().add("run-bar");
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label editing = new Label();
        editing.setId("run-editing");
        editing.getStyleClass().add("editing-text");
        editing.setMinWidth(0);
        subscriptions.add(runs.editingProperty().subscribe(s -> {
            editing.setText(messages.format(s.key(), s.args().toArray()));
            start.setTooltip(new Tooltip(messages.get(s.key().equals("panel.started")
                    ? "run.start.copy.tooltip" : "run.start.tooltip")));
        }));

        Label reason = new Label();
        reason.setId("run-start-reason");
        reason.getStyleClass().add("start-reason");
        reason.setWrapText(true);
        subscriptions.add(Bindings.createStringBinding(this::reasonText, runs.settings().problemsProperty(),
                        runs.activePhaseProperty()).subscribe(text -> {
                    reason.setText(text);
                    reason.setVisible(!text.isEmpty());
                    reason.setManaged(!text.isEmpty());
                    if (!text.isEmpty()) {
                        start.setTooltip(new Tooltip(text));
                    }
                }));

        root = new VBox(buttons, editing, reason);
        root.getStyleClass().add("run-controls");
    }

    private void disableUnless(Button button, ObservableBooleanValue enabled) {
        subscriptions.add(enabled.subscribe(on -> button.setDisable(!on)));
    }

    private String whereText() {
        if (runs.epochsProperty().get() == 0) {
            return "";
        }
        String epoch = messages.format("run.epoch", runs.epochProperty().get(), runs.epochsProperty().get());
        return runs.batchesProperty().get() == 0 || runs.batchProperty().get() == 0 ? epoch
                : epoch + "  ·  " + messages.format("run.batch", runs.batchProperty().get(), runs.batchesProperty().get());
    }

    private String speedText() {
        double ips = runs.imagesPerSecondProperty().get();
        double left = runs.secondsLeftProperty().get();
        String speed = Double.isNaN(ips) ? "" : messages.format("timing.speed", Math.round(ips));
        if (Double.isNaN(left)) {
            return speed;
        }
        long seconds = Math.round(left);
        String time = String.format("%d:%02d", seconds / 60, seconds % 60);
        return speed + "  ·  " + messages.format("run.left", time);
    }

    /** Why Start is off: the first problems, field by field, or that the run is queued already; else empty. */
    private String reasonText() {
        List<FieldProblem> problems = runs.settings().problemsProperty();
        if (problems.isEmpty()) {
            return runs.activePhaseProperty().get() == RunRow.Phase.WAITING ? messages.get("run.start.queued") : "";
        }
        StringBuilder text = new StringBuilder(messages.get("run.start.disabled"));
        for (int i = 0; i < Math.min(REASONS_SHOWN, problems.size()); i++) {
            text.append(i == 0 ? " " : "; ").append(ProblemText.withField(messages, problems.get(i)));
        }
        if (problems.size() > REASONS_SHOWN) {
            text.append(' ').append(messages.format("run.start.more", problems.size() - REASONS_SHOWN));
        }
        return text.toString();
    }

    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
