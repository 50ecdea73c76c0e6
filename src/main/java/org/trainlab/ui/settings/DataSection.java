package org.trainlab.ui.settings;

import java.io.File;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Subscription;
import org.trainlab.data.DatasetSplit;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.text.Messages;

/** Data, model and training: the dataset and its availability, sizes, epochs, seed, model and name. */
final class DataSection implements TechniqueSection {

    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    DataSection(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "data";
    }

    @Override
    public String number() {
        return "";
    }

    @Override
    public boolean expanded() {
        return true;
    }

    @Override
    public Node[] content() {
        VBox source = form.choice("data.source", vm.sourceProperty(), DatasetSource.values());
        ObservableValue<Boolean> isFolder = vm.sourceProperty().map(s -> s == DatasetSource.IDX_FOLDER);

        TextField folderField = new TextField();
        folderField.setPromptText(messages.get("data.folder.prompt"));
        form.bind(folderField.textProperty(), vm.folderProperty());
        Button choose = new Button(messages.get("data.folder.choose"));
        choose.setId("data-folder-choose");
        choose.setOnAction(e -> chooseFolder(choose.getScene().getWindow()));
        HBox folderLine = new HBox(folderField, choose);
        folderLine.getStyleClass().add("field-line");
        HBox.setHgrow(folderField, Priority.ALWAYS);
        folderField.setId(Form.id("data.folder"));
        VBox folder = new VBox(folderLine, form.problemFor("data.folder", folderField));
        folder.getStyleClass().add("field-row");
        form.showWhen(folder, isFolder);

        VBox availability = availabilityRow();
        return new Node[] {source, folder, availability,
                form.number(vm.trainSize()),
                form.number(vm.batchSize()),
                form.number(vm.epochs()),
                form.number(vm.seed()),
                form.choice("model.kind", vm.modelKindProperty(), ModelKind.values()),
                form.text("name", vm.nameProperty())};
    }

    /** What the chosen dataset is doing: ready with its sizes, loading, downloading with progress, or why not. */
    private VBox availabilityRow() {
        DatasetViewModel data = vm.dataset();
        Label text = new Label();
        text.setId("data-status");
        text.getStyleClass().add("data-status");
        text.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("data-progress");
        bar.progressProperty().bind(data.downloadProgressProperty());
        subscriptions.add(bar.progressProperty()::unbind);
        Button cancel = new Button(messages.get("data.download.cancel"));
        cancel.setId("data-cancel");
        cancel.setOnAction(e -> data.cancelDownload());
        Button retry = new Button(messages.get("data.download.retry"));
        retry.setId("data-retry");
        retry.setOnAction(e -> data.download());
        HBox buttons = new HBox(bar, cancel, retry);
        buttons.getStyleClass().add("field-line");
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.setMaxWidth(Double.MAX_VALUE);
        ObservableValue<Boolean> downloading = data.availabilityProperty().map(a -> a == DatasetViewModel.Availability.DOWNLOADING);
        form.showWhen(bar, downloading);
        form.showWhen(cancel, downloading);
        form.showWhen(retry, data.availabilityProperty().map(a -> a == DatasetViewModel.Availability.NOT_DOWNLOADED));
        form.showWhen(buttons, data.availabilityProperty().map(a -> a == DatasetViewModel.Availability.DOWNLOADING
                || a == DatasetViewModel.Availability.NOT_DOWNLOADED));
        subscriptions.add(Bindings.createStringBinding(() -> availabilityText(data),
                        data.availabilityProperty(), data.detailProperty(), data.downloadProgressProperty(), data.splitProperty())
                .subscribe(text::setText));
        subscriptions.add(data.availabilityProperty().subscribe(a ->
                text.pseudoClassStateChanged(Form.INVALID, a == DatasetViewModel.Availability.NOT_DOWNLOADED
                        || a == DatasetViewModel.Availability.UNREADABLE)));
        VBox row = new VBox(text, buttons);
        row.getStyleClass().add("field-row");
        return row;
    }

    private String availabilityText(DatasetViewModel data) {
        return switch (data.availabilityProperty().get()) {
            case READY -> {
                DatasetSplit split = data.splitProperty().get();
                yield split == null ? "" : messages.format("data.ready", split.train().size(), split.test().size());
            }
            case LOADING -> messages.get("data.loading");
            case DOWNLOADING -> messages.format("data.downloading", data.downloadProgressProperty().get());
            case NOT_DOWNLOADED -> data.detailProperty().get().isEmpty() ? messages.get("data.notDownloaded")
                    : messages.format("data.downloadFailed", data.detailProperty().get());
            case UNREADABLE -> messages.format("data.unreadable", data.detailProperty().get());
            case NONE -> messages.get("data.chooseFolder");
        };
    }

    private void chooseFolder(javafx.stage.Window window) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("data.folder.choose"));
        String current = vm.folderProperty().get();
        if (current != null && !current.isBlank() && new File(current).isDirectory()) {
            chooser.setInitialDirectory(new File(current));
        }
        File chosen = chooser.showDialog(window);
        if (chosen != null) {
            vm.folderProperty().set(chosen.getAbsolutePath());
        }
    }
}
