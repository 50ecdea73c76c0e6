package org.trainlab.ui.settings;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.controlsfx.control.CheckListView;
import org.controlsfx.control.ToggleSwitch;
import org.trainlab.data.DatasetSplit;
import org.trainlab.data.NormalizationStats;
import org.trainlab.experiment.settings.AugmentationOption;
import org.trainlab.experiment.settings.DatasetSource;
import org.trainlab.experiment.settings.InitKind;
import org.trainlab.experiment.settings.ModelKind;
import org.trainlab.experiment.settings.NormalizationKind;
import org.trainlab.experiment.text.Numbers;
import org.trainlab.experiment.settings.OptimizerKind;
import org.trainlab.experiment.settings.OptimizerParam;
import org.trainlab.experiment.settings.RegularizationKind;
import org.trainlab.experiment.settings.SchedulerKind;
import org.trainlab.experiment.settings.SchedulerParam;
import org.trainlab.experiment.settings.SchedulerSettings;
import org.trainlab.ui.charts.LrPreviewChart;
import org.trainlab.experiment.text.Messages;

/**
 * The technique panel: one titled section per technique of the tutorial, in its order, each with a
 * one-line note on what it does and when it helps. Builds controls and binds them to the
 * {@link SettingsViewModel}; holds no state of its own, so it can be rebuilt in another language.
 */
public final class SettingsView {

    /** Augmentation options in the checklist, in the order the augmenter applies them. */
    private static final List<String> AUGMENTATIONS = Arrays.stream(AugmentationOption.values()).map(AugmentationOption::label).toList();
    private static final int PREVIEW_PIXELS = 40;

    private final SettingsViewModel vm;
    private final Messages messages;
    private final ObservableDoubleValue zoom;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Form form;
    private final MapChangeListener<String, FieldProblem> problemListener = this::onProblemChanged;
    private final List<ImageView> previewCells = new ArrayList<>();
    private LrPreviewChart lrPreview;
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
        VBox sections = new VBox(
                section("data", "", true, dataSection()),
                section("decay", "1", false, decaySection()),
                section("augmentation", "2", false, augmentationSection()),
                section("init", "3", false, initSection()),
                section("scheduler", "4", false, schedulerSection()),
                section("normalization", "5", false, normalizationSection()),
                section("optimizer", "6", true, optimizerSection()),
                section("batchNorm", "7", false, batchNormSection()),
                section("dropout", "8", false, dropoutSection()));
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
        if (lrPreview != null) {
            lrPreview.dispose();
        }
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

    // ---- Data, model and training

    private Node[] dataSection() {
        VBox source = form.choice("data.source", vm.sourceProperty(), DatasetSource.values());
        ObservableValue<Boolean> isFolder = vm.sourceProperty().map(s -> s == DatasetSource.IDX_FOLDER);

        TextField folderField = new TextField();
        folderField.setPromptText(messages.get("data.folder.prompt"));
        form.bind(folderField.textProperty(), vm.folderProperty());
        Button choose = new Button(messages.get("data.folder.choose"));
        choose.setId("data-folder-choose");
        choose.setOnAction(e -> chooseFolder());
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

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("data.folder.choose"));
        String current = vm.folderProperty().get();
        if (current != null && !current.isBlank() && new File(current).isDirectory()) {
            chooser.setInitialDirectory(new File(current));
        }
        File chosen = chooser.showDialog(root.getScene().getWindow());
        if (chosen != null) {
            vm.folderProperty().set(chosen.getAbsolutePath());
        }
    }

    // ---- 1. Weight decay

    private Node[] decaySection() {
        VBox kind = form.choice("regularization.kind", vm.decayKindProperty(),
                RegularizationKind.L2, RegularizationKind.DECOUPLED, RegularizationKind.L1);
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

    // ---- 2. Augmentation

    private Node[] augmentationSection() {
        CheckListView<String> list = new CheckListView<>();
        list.setId("augmentation-list");
        list.getStyleClass().add("augmentation-list");
        list.getItems().setAll(AUGMENTATIONS);
        StringConverter<String> names = new StringConverter<>() {
            @Override
            public String toString(String option) {
                return messages.get("augmentation." + option);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
        list.setCellFactory(lv -> new CheckBoxListCell<>(list::getItemBooleanProperty, names));
        List<javafx.beans.property.BooleanProperty> options = List.of(vm.resizeCropProperty(),
                vm.horizontalFlipProperty(), vm.rotate90Property(), vm.rotationProperty(), vm.shiftProperty(),
                vm.zoomProperty(), vm.noiseProperty(), vm.erasingProperty());
        for (int i = 0; i < AUGMENTATIONS.size(); i++) {
            form.bind(list.getItemBooleanProperty(AUGMENTATIONS.get(i)), options.get(i));
        }
        VBox rotation = form.number(vm.rotationDegrees());
        VBox shift = form.number(vm.shiftPixels());
        VBox zoomRow = form.number(vm.zoomAmount());
        VBox noise = form.number(vm.noiseStd());
        VBox erasing = form.number(vm.erasingProbability());
        form.showWhen(rotation, vm.rotationProperty());
        form.showWhen(shift, vm.shiftProperty());
        form.showWhen(zoomRow, vm.zoomProperty());
        form.showWhen(noise, vm.noiseProperty());
        form.showWhen(erasing, vm.erasingProperty());
        return new Node[] {list, rotation, shift, zoomRow, noise, erasing, previewGrid()};
    }

    /** The first row as stored, the others as the network would see them after augmentation. */
    private Node previewGrid() {
        GridPane grid = new GridPane();
        grid.setId("augmentation-preview");
        grid.getStyleClass().add("augmentation-preview");
        for (int r = 0; r < AugmentationPreview.ROWS; r++) {
            Label rowLabel = new Label(messages.get(r == 0 ? "augmentation.preview.original" : "augmentation.preview.augmented"));
            rowLabel.getStyleClass().add("preview-label");
            grid.add(rowLabel, 0, r);
            for (int c = 0; c < AugmentationPreview.COLUMNS; c++) {
                ImageView cell = new ImageView();
                cell.setSmooth(false); // nearest neighbour: pixels stay crisp squares
                cell.setPreserveRatio(true);
                previewCells.add(cell);
                grid.add(cell, c + 1, r);
            }
        }
        Button shuffle = new Button(messages.get("augmentation.shuffle"));
        shuffle.setId("augmentation-shuffle");
        shuffle.setOnAction(e -> vm.shuffleAugmentationPreview());
        subscriptions.add(vm.augmentationPreview().imagesProperty().subscribe(this::showPreview));
        subscriptions.add(zoom.subscribe(z -> previewCells.forEach(cell -> cell.setFitWidth(PREVIEW_PIXELS * z.doubleValue()))));
        Label title = new Label(messages.get("augmentation.preview"));
        title.getStyleClass().add("subheading");
        HBox header = new HBox(title, shuffle);
        header.getStyleClass().add("field-line");
        header.setAlignment(Pos.CENTER_LEFT);
        return new VBox(header, grid);
    }

    private void showPreview(AugmentationPreview.Images images) {
        if (images == null) {
            return;
        }
        int side = images.side();
        for (int i = 0; i < previewCells.size() && i < images.rows() * images.columns(); i++) {
            WritableImage image = new WritableImage(side, side);
            PixelWriter writer = image.getPixelWriter();
            int offset = i * images.imageSize();
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int v = Math.round(Math.max(0, Math.min(1, images.pixels()[offset + y * side + x])) * 255);
                    writer.setArgb(x, y, 0xFF000000 | v << 16 | v << 8 | v);
                }
            }
            previewCells.get(i).setImage(image);
        }
    }

    // ---- 3. Initialization

    private Node[] initSection() {
        VBox sigma = form.number(vm.sigma());
        form.showWhen(sigma, vm.initKindProperty().map(k -> k == InitKind.NORMAL));
        return new Node[] {form.choice("init.kind", vm.initKindProperty(), InitKind.values()), sigma};
    }

    // ---- 4. Learning-rate scheduler

    private Node[] schedulerSection() {
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

    // ---- 5. Normalization

    private Node[] normalizationSection() {
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

    // ---- 6. Optimizer

    /** The kind, then one row per parameter slot, shown while the kind's descriptor reads it and named as the kind names it. */
    private Node[] optimizerSection() {
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

    // ---- 7. Batch norm, 8. Dropout

    private Node[] batchNormSection() {
        ToggleSwitch toggle = new ToggleSwitch(messages.get("batchNorm.switch"));
        toggle.setId("batchnorm-switch");
        form.bind(toggle.selectedProperty(), vm.batchNormProperty());
        return new Node[] {toggle};
    }

    private Node[] dropoutSection() {
        ToggleSwitch toggle = new ToggleSwitch(messages.get("dropout.switch"));
        toggle.setId("dropout-switch");
        form.bind(toggle.selectedProperty(), vm.dropoutProperty());
        VBox rate = form.number(vm.dropoutRate());
        form.showWhen(rate, vm.dropoutProperty());
        return new Node[] {toggle, rate};
    }
}
