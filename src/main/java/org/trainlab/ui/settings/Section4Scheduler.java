package org.trainlab.ui.settings;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerParam;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.ui.charts.LrPreviewChart;
import org.trainlab.experiment.text.Messages;

/** §4 learning-rate scheduler: the kind, the parameters it reads, and the planned rate per epoch. */
final class Section4Scheduler implements TechniqueSection {

    private LrPreviewChart lrPreview;
    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    Section4Scheduler(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "scheduler";
    }

    @Override
    public String number() {
        return "4";
    }

    @Override
    public boolean expanded() {
        return false;
    }

    @Override
    public Node[] content() {
        VBox kind = form.choice("scheduler.kind", vm.schedulerKindProperty(), SchedulerKind.values());
        List<Node> rows = new ArrayList<>();
        rows.add(kind);
        for (SchedulerParam param : SchedulerParam.values()) {
            VBox row = switch (param) {
                case MILESTONES -> form.text(param.field(), vm.milestonesProperty());
                case PLATEAU_MODE -> form.choice(param.field(), vm.plateauModeProperty(), SchedulerSettings.PlateauMode.values());
                case THRESHOLD_MODE -> form.choice(param.field(), vm.thresholdModeProperty(), SchedulerSettings.ThresholdMode.values());
                default -> form.number(vm.schedulerInput(param));
            };
            form.showWhen(row, vm.schedulerKindProperty().map(k -> k.reads(param)));
            rows.add(row);
        }
        Label kindHint = new Label();
        kindHint.getStyleClass().add("choice-hint");
        kindHint.setWrapText(true);
        subscriptions.add(vm.schedulerKindProperty().subscribe(k -> kindHint.setText(messages.get("scheduler.hint." + k))));
        rows.add(kindHint);
        Label previewTitle = new Label(messages.get("scheduler.preview"));
        previewTitle.getStyleClass().add("subheading");
        lrPreview = new LrPreviewChart(vm.lrPreviewProperty(), messages, zoom);
        rows.add(previewTitle);
        rows.add(lrPreview.node());
        return rows.toArray(Node[]::new);
    }

    @Override
    public void dispose() {
        if (lrPreview != null) {
            lrPreview.dispose();
        }
    }
}
