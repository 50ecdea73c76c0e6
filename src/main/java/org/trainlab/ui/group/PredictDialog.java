package org.trainlab.ui.group;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.trainlab.experiment.compare.Criterion;
import org.trainlab.experiment.compare.VerdictText;
import org.trainlab.experiment.text.Messages;

/**
 * "Predict, then run": before a preset that asks it trains, the runs it is about to train, one to click
 * as the class's prediction; Skip queues it without one.
 */
public final class PredictDialog implements Grouping.PredictHandler {

    private final Window owner;
    private final Messages messages;

    public PredictDialog(Window owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public void ask(String title, Criterion criterion, List<String> candidates, IntConsumer answer) {
        Dialog<Integer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("group.predict.title"));
        dialog.setHeaderText(messages.format("group.predict.header", title,
                VerdictText.criterion(criterion, messages.locale())));
        ToggleGroup choices = new ToggleGroup();
        VBox list = new VBox();
        list.getStyleClass().add("predict-choices");
        for (int i = 0; i < candidates.size(); i++) {
            RadioButton b = new RadioButton(candidates.get(i));
            b.setId("predict-" + i);
            b.setUserData(i);
            b.setToggleGroup(choices);
            list.getChildren().add(b);
        }
        dialog.getDialogPane().setContent(list);
        ButtonType predict = new ButtonType(messages.get("group.predict.choose"), ButtonBar.ButtonData.OK_DONE);
        ButtonType skip = new ButtonType(messages.get("group.predict.skip"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(predict, skip);
        dialog.getDialogPane().lookupButton(predict).disableProperty().bind(choices.selectedToggleProperty().isNull());
        dialog.setResultConverter(b -> b == predict && choices.getSelectedToggle() != null
                ? (Integer) choices.getSelectedToggle().getUserData() : -1);
        answer.accept(dialog.showAndWait().orElse(-1));
    }
}
