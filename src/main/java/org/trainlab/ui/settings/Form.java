package org.trainlab.ui.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.trainlab.experiment.text.Messages;

/**
 * Builds the panel's labelled rows: a label, the control, and under it the field's problem when it
 * has one (the control is marked {@code :invalid}). Rows are nodes of their own, so a row that does
 * not apply to the current choice is hidden whole. Records every binding it makes for
 * {@link #dispose()}.
 */
final class Form {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final Messages messages;
    private final List<Subscription> subscriptions;
    private final Map<String, List<Consumer<FieldProblem>>> decorators = new HashMap<>();

    Form(Messages messages, List<Subscription> subscriptions) {
        this.messages = messages;
        this.subscriptions = subscriptions;
    }

    /** Shows {@code problem} (null: none) at every control of {@code field}. */
    void decorate(String field, FieldProblem problem) {
        decorators.getOrDefault(field, List.of()).forEach(d -> d.accept(problem));
    }

    /** A text field for a number, bound to {@code input}. */
    VBox number(NumberInput input) {
        return number(input, null);
    }

    /** A number field whose label follows {@code label} (a slot named by the chosen kind, e.g. RMSprop's α); null: the field's own. */
    VBox number(NumberInput input, ObservableValue<String> label) {
        TextField field = new TextField();
        field.getStyleClass().add("number-field");
        bind(field.textProperty(), input.textProperty());
        return row(input.field(), field, label);
    }

    VBox text(String path, StringProperty text) {
        TextField field = new TextField();
        bind(field.textProperty(), text);
        return row(path, field);
    }

    /** A drop-down of enum constants shown by their bundle names. */
    @SafeVarargs
    final <E extends Enum<E>> VBox choice(String path, Property<E> value, E... options) {
        ComboBox<E> box = new ComboBox<>();
        box.getItems().setAll(options);
        box.setConverter(enumNames());
        box.setMaxWidth(Double.MAX_VALUE);
        bind(box.valueProperty(), value);
        return row(path, box);
    }

    <E extends Enum<E>> StringConverter<E> enumNames() {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return messages.name(value);
            }

            @Override
            public E fromString(String text) {
                return null; // never edited as text
            }
        };
    }

    /** Label, control, problem line. The control gets the id {@code field-<path with dashes>} for tests and CSS. */
    VBox row(String path, Control control) {
        return row(path, control, null);
    }

    private VBox row(String path, Control control, ObservableValue<String> labelText) {
        control.setId(id(path));
        Label label = new Label(messages.field(path));
        if (labelText != null) {
            subscriptions.add(labelText.subscribe(label::setText));
        }
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        label.setMinWidth(Label.USE_PREF_SIZE);
        HBox line = new HBox(label, control);
        line.getStyleClass().add("field-line");
        HBox.setHgrow(control, Priority.ALWAYS);
        control.setMaxWidth(Double.MAX_VALUE);
        Label problem = problemLabel();
        problem.setId(id(path) + "-problem");
        decorators.computeIfAbsent(path, k -> new ArrayList<>()).add(p -> {
            control.pseudoClassStateChanged(INVALID, p != null);
            show(problem, p == null ? null : ProblemText.describe(messages, p));
        });
        VBox row = new VBox(line, problem);
        row.getStyleClass().add("field-row");
        return row;
    }

    /** A problem line under a control built elsewhere (a slider, a folder picker). */
    Label problemFor(String path, Node control) {
        Label problem = problemLabel();
        problem.setId(id(path) + "-problem");
        decorators.computeIfAbsent(path, k -> new ArrayList<>()).add(p -> {
            control.pseudoClassStateChanged(INVALID, p != null);
            show(problem, p == null ? null : ProblemText.describe(messages, p));
        });
        return problem;
    }

    private static Label problemLabel() {
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        show(problem, null);
        return problem;
    }

    static void show(Label label, String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null);
        label.setManaged(text != null);
    }

    /** Shows {@code node} only while {@code condition} holds. */
    void showWhen(Node node, ObservableValue<Boolean> condition) {
        subscriptions.add(condition.subscribe(on -> {
            node.setVisible(Boolean.TRUE.equals(on));
            node.setManaged(Boolean.TRUE.equals(on));
        }));
    }

    <T> void bind(Property<T> control, Property<T> model) {
        control.bindBidirectional(model);
        subscriptions.add(() -> control.unbindBidirectional(model));
    }

    static String id(String path) {
        return "field-" + path.replace('.', '-');
    }
}
