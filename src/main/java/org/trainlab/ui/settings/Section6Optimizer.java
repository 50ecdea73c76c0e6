package org.trainlab.ui.settings;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerParam;
import org.trainlab.experiment.text.Messages;

/** §6 optimizer: the kind and the parameters its descriptor says it reads. */
final class Section6Optimizer implements TechniqueSection {

    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    Section6Optimizer(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "optimizer";
    }

    @Override
    public String number() {
        return "6";
    }

    @Override
    public boolean expanded() {
        return true;
    }

    /** The kind, then one row per parameter slot, shown while the kind's descriptor reads it and named as the kind names it. */
    @Override
    public Node[] content() {
        ObservableValue<OptimizerKind> kind = vm.optimizerKindProperty();
        List<Node> rows = new ArrayList<>();
        rows.add(form.choice("optimizer.kind", vm.optimizerKindProperty(), OptimizerKind.values()));
        for (OptimizerParam slot : OptimizerParam.values()) {
            ObservableValue<String> label = kind.map(k -> messages.field(k.descriptor().label(slot)))
                    .orElse(messages.field(slot.field()));
            VBox row = form.number(vm.optimizerInput(slot), label);
            if (slot != OptimizerParam.LEARNING_RATE) {
                form.showWhen(row, kind.map(k -> k.descriptor().reads(slot)));
            }
            rows.add(row);
        }
        Label kindHint = new Label();
        kindHint.getStyleClass().add("choice-hint");
        kindHint.setWrapText(true);
        subscriptions.add(kind.subscribe(k -> kindHint.setText(messages.get("optimizer.hint." + k))));
        rows.add(kindHint);
        return rows.toArray(Node[]::new);
    }
}
