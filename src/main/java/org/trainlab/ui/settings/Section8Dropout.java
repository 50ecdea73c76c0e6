package org.trainlab.ui.settings;

import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.controlsfx.control.ToggleSwitch;
import org.trainlab.experiment.text.Messages;

/** §8 dropout. */
final class Section8Dropout implements TechniqueSection {

    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    Section8Dropout(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "dropout";
    }

    @Override
    public String number() {
        return "8";
    }

    @Override
    public boolean expanded() {
        return false;
    }

    @Override
    public Node[] content() {
        ToggleSwitch toggle = new ToggleSwitch(messages.get("dropout.switch"));
        toggle.setId("dropout-switch");
        form.bind(toggle.selectedProperty(), vm.dropoutProperty());
        VBox rate = form.number(vm.dropoutRate());
        form.showWhen(rate, vm.dropoutProperty());
        return new Node[] {toggle, rate};
    }
}
