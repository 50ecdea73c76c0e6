package org.trainlab.ui.hall;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.trainlab.preset.Lesson;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.runs.RunRow;
import org.trainlab.ui.theme.Palette;

/**
 * The top of the presentation view, in large type: the lesson's one line on what to look for, and the
 * selected run's verdict (or, until a verdict exists, its best held-out accuracy and its gap). A
 * button unfolds the technique panel.
 */
final class LessonBanner {

    private final HallViewModel hall;
    private final Messages messages;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private Subscription rowSubscription = Subscription.EMPTY;
    private final Label lookFor = new Label();
    private final Label verdictCaption = new Label();
    private final Label verdict = new Label();
    private final Region swatch = new Region();
    private final VBox root;

    LessonBanner(HallViewModel hall, Messages messages) {
        this.hall = hall;
        this.messages = messages;
        lookFor.setId("hall-look-for");
        lookFor.getStyleClass().add("hall-look-for");
        lookFor.setMinWidth(0);
        lookFor.setTooltip(wide());
        verdict.setId("hall-verdict");
        verdict.getStyleClass().add("hall-verdict");
        verdict.setMinWidth(0);
        verdict.setTooltip(wide());
        verdictCaption.getStyleClass().add("hall-caption");
        verdictCaption.setMinWidth(0);
        verdictCaption.setTooltip(wide());
        swatch.getStyleClass().add("run-swatch");

        ToggleButton techniques = new ToggleButton(messages.get("hall.techniques"));
        techniques.setId("hall-techniques");
        techniques.setTooltip(new Tooltip(messages.get("hall.techniques.tooltip")));
        techniques.setMinWidth(Region.USE_PREF_SIZE);
        techniques.selectedProperty().bindBidirectional(hall.techniquesShownProperty());
        subscriptions.add(() -> techniques.selectedProperty().unbindBidirectional(hall.techniquesShownProperty()));

        HBox.setHgrow(lookFor, Priority.ALWAYS);
        lookFor.setMaxWidth(Double.MAX_VALUE);
        HBox top = new HBox(lookFor, techniques);
        top.getStyleClass().add("hall-banner-line");
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(verdict, Priority.ALWAYS);
        verdict.setMaxWidth(Double.MAX_VALUE);
        HBox bottom = new HBox(swatch, verdictCaption, verdict);
        bottom.getStyleClass().add("hall-banner-line");
        bottom.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(top, bottom);
        root.setId("hall-banner");
        root.getStyleClass().add("hall-banner");

        subscriptions.add(hall.lessonProperty().subscribe(this::showLesson));
        subscriptions.add(hall.verdictProperty().subscribe(v -> showRun()));
        subscriptions.add(hall.activeRowProperty().subscribe(row -> {
            rowSubscription.unsubscribe();
            rowSubscription = row == null ? Subscription.EMPTY
                    : row.bestAccuracyProperty().subscribe(x -> showRun())
                            .and(row.finalGapProperty().subscribe(x -> showRun()))
                            .and(row.statusProperty().subscribe(x -> showRun()))
                            .and(row.colorIndexProperty().subscribe(x -> showRun()));
            showRun();
        }));
        subscriptions.add(() -> rowSubscription.unsubscribe());
    }

    private static Tooltip wide() {
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.getStyleClass().add("wide-tooltip");
        return tip;
    }

    Node node() {
        return root;
    }

    private void showLesson(Lesson lesson) {
        String text = lesson.lookFor() == null ? messages.get("hall.lookFor.none")
                : messages.format("hall.lookFor", lesson.lookFor().get(messages.locale()));
        lookFor.setText(text);
        lookFor.getTooltip().setText(text);
    }

    private void showRun() {
        RunRow row = hall.activeRowProperty().get();
        swatch.getStyleClass().removeIf(c -> c.startsWith("run-color-"));
        swatch.setVisible(row != null);
        if (row == null) {
            verdictCaption.setText("");
            verdict.setText(messages.get("hall.noRun"));
        } else {
            swatch.getStyleClass().add("run-color-" + Math.floorMod(row.colorIndexProperty().get(), Palette.RUN_COLORS));
            String given = hall.verdictProperty().get();
            double best = row.bestAccuracyProperty().get();
            verdictCaption.setText(messages.format(given.isEmpty() ? "hall.summary.caption" : "hall.verdict.caption",
                    row.nameProperty().get()));
            verdict.setText(!given.isEmpty() ? given : Double.isNaN(best)
                    ? messages.format(row.statusProperty().get().key(), row.statusProperty().get().args().toArray())
                    : messages.format("hall.summary", best, row.bestEpochProperty().get(), row.finalGapProperty().get()));
        }
        verdict.getTooltip().setText(verdictCaption.getText() + " " + verdict.getText());
        verdictCaption.getTooltip().setText(verdict.getTooltip().getText());
    }

    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
