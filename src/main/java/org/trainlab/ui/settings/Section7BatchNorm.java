package org.trainlab.ui.settings;

import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.util.Subscription;
import org.controlsfx.control.ToggleSwitch;
import org.trainlab.experiment.text.Messages;

/** §7 batch normalization. */
final class Section7BatchNorm implements TechniqueSection {

    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    Section7BatchNorm(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "batchNorm";
    }

    @Override
    public String number() {
        return "7";
    }

    @Override
    public boolean expanded() {
        return false;
    }

    @Override
    public Node[] content() {
        ToggleSwitch toggle = new ToggleSwitch(messages.get("batchNorm.switch"));
        toggle.setId("batchnorm-switch");
        form.bind(toggle.selectedProperty(), vm.batchNormProperty());
        return new Node[] {toggle};
    }
}
