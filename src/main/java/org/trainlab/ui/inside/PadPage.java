package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.trainlab.session.SessionRun;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Palette;

/** Draw a digit: the pad with its clear button, and every run shown answering with ten bars. */
final class PadPage implements InsidePage {

    private final InsideViewModel vm;
    private final Messages messages;
    private final DoubleSupplier zoom;
    private final PadView pad;
    private final PaintedView bars;
    private final HBox root;

    PadPage(InsideViewModel vm, Messages messages, DoubleSupplier zoom) {
        this.vm = vm;
        this.messages = messages;
        this.zoom = zoom;
        pad = new PadView(vm.pad());
        Button clear = new Button(messages.get("inside.pad.clear"));
        clear.setId("inside-pad-clear");
        clear.setOnAction(e -> vm.pad().clear());
        Label hint = new Label(messages.get("inside.pad.hint"));
        hint.getStyleClass().add("inside-caption");
        hint.setWrapText(true);
        VBox left = new VBox(pad, new HBox(clear), hint);
        left.getStyleClass().add("inside-pad-box");
        left.setAlignment(Pos.TOP_LEFT);
        pad.prefWidthProperty().bind(left.widthProperty());
        bars = new PaintedView(painter());
        bars.setId("inside-pad-bars");
        HBox.setHgrow(bars, Priority.ALWAYS);
        left.setPrefWidth(300);
        left.setMinWidth(140);
        root = new HBox(left, bars);
        root.getStyleClass().addAll("inside-page", "inside-columns");
        root.setId("inside-pad-page");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update() {
        bars.setPainter(painter());
    }

    private BarsPainter painter() {
        Map<String, double[]> answers = vm.padAnswers();
        List<BarsPainter.Answer> list = new ArrayList<>();
        for (InsideViewModel.Shown s : vm.shownProperty().get()) {
            SessionRun r = s.run();
            String note = r.trainedWeights() == null ? messages.get("inside.pad.noWeights")
                    : vm.pad().isBlank() ? messages.get("inside.pad.draw") : "…";
            list.add(new BarsPainter.Answer(r.name(), Palette.run(r.colorIndex()), answers.get(r.id()), note));
        }
        return new BarsPainter(list, messages.get("inside.pad.says"), zoom.getAsDouble());
    }

    @Override
    public Painter picture() {
        BarsPainter answers = painter();
        float[] ink = vm.pad().pixels();
        return (g, w, h) -> {
            double side = Math.min(h, w * 0.35);
            Draw.image(g, ink, PadModel.SIDE, PadModel.SIDE, 0, 0, side, side, true);
            Draw.frame(g, 0, 0, side, side, Palette.GRID, 1f);
            Graphics2DShift.shifted(g, side + 10, 0, gg -> answers.paint(gg, w - side - 10, h));
        };
    }

    @Override
    public void dispose() {
        pad.dispose();
    }
}
