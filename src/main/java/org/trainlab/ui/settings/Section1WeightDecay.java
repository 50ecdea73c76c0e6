package org.trainlab.ui.settings;

import java.util.Arrays;
import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.trainlab.experiment.text.Numbers;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.text.Messages;

/** §1 weight decay: its strength on a log slider and its kind. */
final class Section1WeightDecay implements TechniqueSection {

    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    Section1WeightDecay(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "decay";
    }

    @Override
    public String number() {
        return "1";
    }

    @Override
    public boolean expanded() {
        return false;
    }

    @Override
    public Node[] content() {
        VBox kind = form.choice("regularization.kind", vm.decayKindProperty(),
                Arrays.stream(RegularizationKind.values()).filter(k -> k.descriptor().on()).toArray(RegularizationKind[]::new));
        Slider slider = new Slider(0, SettingsViewModel.DECADES, 0);
        slider.setId("decay-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(1);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double position) {
                double strength = SettingsViewModel.decayStrength(position);
                // 1e-6 rather than 0.000001: eight labels share the slider's width
                return strength > 0 && strength < 1e-3 ? "1e" + Math.round(Math.log10(strength)) : Numbers.format(strength);
            }

            @Override
            public Double fromString(String text) {
                return 0.0;
            }
        });
        form.bind(slider.valueProperty(), vm.decayPositionProperty());
        Label value = new Label();
        value.setId("decay-value");
        value.getStyleClass().add("value-badge");
        subscriptions.add(vm.decayStrengthProperty().subscribe(s -> value.setText(s.doubleValue() == 0
                ? messages.get("decay.off") : Numbers.format(s.doubleValue()))));
        Label label = new Label(messages.field("regularization.strength"));
        label.getStyleClass().add("field-label");
        HBox line = new HBox(label, value);
        line.getStyleClass().add("field-line");
        VBox strength = new VBox(line, slider, form.problemFor("regularization.strength", slider));
        strength.getStyleClass().add("field-row");
        return new Node[] {strength, kind};
    }
}
