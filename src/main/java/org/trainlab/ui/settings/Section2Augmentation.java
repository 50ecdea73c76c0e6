package org.trainlab.ui.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.controlsfx.control.CheckListView;
import org.trainlab.experiment.settings.AugmentationOption;
import org.trainlab.experiment.text.Messages;

/** §2 augmentation: the options, their magnitudes and a preview of augmented digits. */
final class Section2Augmentation implements TechniqueSection {

    private static final List<String> AUGMENTATIONS = Arrays.stream(AugmentationOption.values()).map(AugmentationOption::label).toList();
    private static final int PREVIEW_PIXELS = 40;
    private final List<ImageView> previewCells = new ArrayList<>();
    private final SettingsViewModel vm;
    private final Messages messages;
    private final Form form;
    private final List<Subscription> subscriptions;
    private final ObservableDoubleValue zoom;

    Section2Augmentation(SettingsViewModel vm, Messages messages, Form form, List<Subscription> subscriptions, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.messages = messages;
        this.form = form;
        this.subscriptions = subscriptions;
        this.zoom = zoom;
    }

    @Override
    public String id() {
        return "augmentation";
    }

    @Override
    public String number() {
        return "2";
    }

    @Override
    public boolean expanded() {
        return false;
    }

    @Override
    public Node[] content() {
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
        int[] argb = new int[side * side];
        for (int i = 0; i < previewCells.size() && i < images.rows() * images.columns(); i++) {
            int offset = i * images.imageSize();
            for (int p = 0; p < argb.length; p++) {
                int v = Math.round(Math.max(0, Math.min(1, images.pixels()[offset + p])) * 255);
                argb[p] = 0xFF000000 | v << 16 | v << 8 | v;
            }
            WritableImage image = new WritableImage(side, side);
            image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
            previewCells.get(i).setImage(image);
        }
    }
}
