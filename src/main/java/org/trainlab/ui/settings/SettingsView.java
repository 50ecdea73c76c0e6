package org.trainlab.ui.settings;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.experiment.text.Messages;

/**
 * The technique panel: one titled section per technique of the tutorial, in its order, each with a
 * one-line note on what it does and when it helps. Each section is a class of its own named by its
 * number ({@code Section1WeightDecay} ... {@code Section8Dropout}, see {@link TechniqueSection}). Builds controls and binds them to the
 * {@link SettingsViewModel}; holds no state of its own, so it can be rebuilt in another language.
 */
public final class SettingsView {

    private final SettingsViewModel vm;
    private final Messages messages;
    private final ObservableDoubleValue zoom;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Form form;
    private final MapChangeListener<String, FieldProblem> problemListener = this::onProblemChanged;
    private List<TechniqueSection> pages = List.of();
    private ScrollPane root;

    public SettingsView(SettingsViewModel vm, Messages messages, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.zoom = zoom;
        this.form = new Form(messages, subscriptions);
        createView();
        initListeners();
    }

    public Node node() {
        return root;
    }

    private void createView() {
        pages = List.of(
                new DataSection(vm, messages, form, subscriptions, zoom),
                new Section1WeightDecay(vm, messages, form, subscriptions, zoom),
                new Section2Augmentation(vm, messages, form, subscriptions, zoom),
                new Section3Initialization(vm, messages, form, subscriptions, zoom),
                new Section4Scheduler(vm, messages, form, subscriptions, zoom),
                new Section5Normalization(vm, messages, form, subscriptions, zoom),
                new Section6Optimizer(vm, messages, form, subscriptions, zoom),
                new Section7BatchNorm(vm, messages, form, subscriptions, zoom),
                new Section8Dropout(vm, messages, form, subscriptions, zoom));
        VBox sections = new VBox();
        for (TechniqueSection page : pages) {
            sections.getChildren().add(section(page.id(), page.number(), page.expanded(), page.content()));
        }
        sections.getStyleClass().add("sections");
        root = new ScrollPane(sections);
        root.setId("settings");
        root.getStyleClass().add("settings-panel");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    }

    private void initListeners() {
        vm.fieldProblems().addListener(problemListener);
        vm.fieldProblems().forEach(form::decorate);
        subscriptions.add(() -> vm.fieldProblems().removeListener(problemListener));
    }

    private void onProblemChanged(MapChangeListener.Change<? extends String, ? extends FieldProblem> change) {
        form.decorate(change.getKey(), change.wasAdded() ? change.getValueAdded() : null);
    }

    /** Unbinds every control from the view model, so a replaced view neither leaks nor reacts. */
    public void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
        pages.forEach(TechniqueSection::dispose);
    }

    private TitledPane section(String id, String number, boolean expanded, Node... content) {
        String title = messages.get("section." + id);
        String hint = messages.get("section." + id + ".hint");
        Label caption = new Label(hint);
        caption.getStyleClass().add("section-hint");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        VBox body = new VBox(caption);
        body.getChildren().addAll(content);
        body.getStyleClass().add("section-body");
        // the title is a label of its own: the pane's own text was cut short ("Weight d...") when the
        // bundled font replaced the default after the pane had measured itself
        Label info = new Label("?");
        info.getStyleClass().add("info-badge");
        Label heading = new Label(number.isEmpty() ? title : number + ". " + title);
        heading.getStyleClass().add("section-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(info, heading);
        header.getStyleClass().add("section-header");
        Tooltip.install(header, tooltip(hint));
        TitledPane pane = new TitledPane(null, body);
        pane.setGraphic(header);
        pane.setId("section-" + id);
        pane.getStyleClass().add("section");
        pane.setExpanded(expanded);
        return pane;
    }

    private static Tooltip tooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        return tip;
    }
}
