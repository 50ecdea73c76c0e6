package org.trainlab.ui.settings;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.util.Subscription;
import org.trainlab.data.NormalizationStats;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.text.Messages;

/** §5 input normalization and the statistics it uses. */
final class Section5Normalization implements TechniqueSection {

    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    Section5Normalization(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "normalization";
    }

    @Override
    public String number() {
        return "5";
    }

    @Override
    public boolean expanded() {
        return false;
    }

    @Override
    public Node[] content() {
        Label stats = new Label();
        stats.setId("normalization-stats");
        stats.getStyleClass().add("value-badge");
        subscriptions.add(Bindings.createStringBinding(() -> statsText(vm.dataset().statsProperty().get()),
                vm.dataset().statsProperty(), vm.normalizationProperty()).subscribe(stats::setText));
        return new Node[] {form.choice("normalization.kind", vm.normalizationProperty(), NormalizationKind.values()), stats};
    }

    private String statsText(NormalizationStats stats) {
        if (vm.normalizationProperty().get() == NormalizationKind.NONE) {
            return messages.get("normalization.none");
        }
        if (stats == null) {
            return messages.get("normalization.computing");
        }
        return messages.format("normalization.stats", String.format("%.4f", stats.mean()), String.format("%.4f", stats.std()));
    }
}
