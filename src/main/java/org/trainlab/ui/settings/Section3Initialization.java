package org.trainlab.ui.settings;

import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.experiment.settings.InitDescriptor;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.text.Messages;

/** §3 weight initialization. */
final class Section3Initialization implements TechniqueSection {

    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    Section3Initialization(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "init";
    }

    @Override
    public String number() {
        return "3";
    }

    @Override
    public boolean expanded() {
        return false;
    }

    @Override
    public Node[] content() {
        VBox sigma = form.number(vm.sigma());
        form.showWhen(sigma, vm.initKindProperty().map(k -> k.descriptor().reads(InitDescriptor.SIGMA)));
        return new Node[] {form.choice("init.kind", vm.initKindProperty(), InitKind.values()), sigma};
    }
}
