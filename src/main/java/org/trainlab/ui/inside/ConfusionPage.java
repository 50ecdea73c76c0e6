package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.trainlab.experiment.inside.ClassProbability;
import org.trainlab.experiment.inside.Mistake;
import org.trainlab.experiment.text.Messages;
import org.trainlab.ui.theme.Palette;

/**
 * The confusion matrices of the runs shown, their difference as a sentence, and, for a clicked cell,
 * the digits behind it with the answer, the true class and the confidence.
 */
final class ConfusionPage implements InsidePage {

    private final InsideViewModel vm;
    private final Messages messages;
    private final java.util.function.DoubleSupplier zoom;
    private final PaintedView matrices;
    private final PaintedView examples;
    private final Label difference = new Label();
    private final Label caption = new Label();
    private final HBox root;
    private ConfusionPainter painter;

    ConfusionPage(InsideViewModel vm, Messages messages, java.util.function.DoubleSupplier zoom) {
        this.vm = vm;
        this.messages = messages;
        this.zoom = zoom;
        painter = painter();
        matrices = new PaintedView(painter);
        matrices.setId("inside-confusion");
        examples = new PaintedView(tiles());
        examples.setId("inside-cell-digits");
        difference.setId("inside-difference");
        difference.getStyleClass().add("inside-difference");
        difference.setWrapText(true);
        caption.getStyleClass().add("inside-caption");
        matrices.setOnMouseClicked(e -> painter.cellAt(e.getX(), e.getY(), matrices.getWidth(), matrices.getHeight())
                .ifPresent(c -> vm.selectCell(new InsideViewModel.Cell(c.matrix(), c.trueClass(), c.predicted()))));
        // the matrices on the left, as tall as the page; what they say and the digits behind a cell at the right
        HBox.setHgrow(matrices, Priority.ALWAYS);
        matrices.setPrefWidth(10);
        VBox.setVgrow(examples, Priority.ALWAYS);
        examples.setMinHeight(60);
        VBox side = new VBox(difference, caption, examples);
        side.getStyleClass().add("inside-side");
        side.setPrefWidth(10);
        HBox.setHgrow(side, Priority.ALWAYS);
        side.setMaxWidth(Double.MAX_VALUE);
        root = new HBox(matrices, side);
        root.getStyleClass().add("inside-page");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update() {
        painter = painter();
        matrices.setPainter(painter);
        examples.setPainter(tiles());
        Phrase d = vm.differenceProperty().get();
        difference.setText(d == null ? "" : messages.format(d.key(), d.args().toArray()));
        difference.setManaged(d != null);
        difference.setVisible(d != null);
        InsideViewModel.Cell c = vm.cellProperty().get();
        caption.setText(c == null ? messages.get("inside.confusion.click")
                : messages.format("inside.confusion.cell", c.trueClass(), c.predicted(), vm.cellCount(),
                vm.cellMistakes().size()));
    }

    private ConfusionPainter painter() {
        List<ConfusionPainter.Matrix> list = new ArrayList<>();
        for (InsideViewModel.Shown s : vm.shownProperty().get()) {
            list.add(new ConfusionPainter.Matrix(s.run().name(), Palette.run(s.run().colorIndex()),
                    s.epoch() == null ? null : s.epoch().confusion().counts()));
        }
        InsideViewModel.Cell c = vm.cellProperty().get();
        return new ConfusionPainter(list, c == null ? null : new ConfusionPainter.Cell(c.run(), c.trueClass(),
                c.predicted()), messages.get("inside.confusion.true"), messages.get("inside.confusion.predicted"),
                messages.get("inside.empty"), zoom.getAsDouble());
    }

    private TilesPainter tiles() {
        InsideViewModel.Cell c = vm.cellProperty().get();
        List<TilesPainter.Tile> tiles = new ArrayList<>();
        if (c != null) {
            InsideViewModel.Shown s = vm.shownProperty().get().get(c.run());
            for (Mistake m : vm.cellMistakes()) {
                tiles.add(tile(vm, s, m));
            }
        }
        return new TilesPainter(null, tiles, c == null ? "" : messages.get("inside.confusion.noneKept"),
                zoom.getAsDouble());
    }

    /** A mistake as a tile: the digit (blank while it loads) and its top-3 probabilities. */
    static TilesPainter.Tile tile(InsideViewModel vm, InsideViewModel.Shown s, Mistake m) {
        float[] pixels = vm.digit(s.run(), m.heldOutIndex());
        double[] p = new double[10];
        for (ClassProbability cp : m.top()) {
            if (cp.digit() >= 0 && cp.digit() < p.length) {
                p[cp.digit()] = cp.probability();
            }
        }
        return new TilesPainter.Tile(pixels == null ? new float[28 * 28] : pixels, 28, m.trueClass(), p);
    }

    @Override
    public Painter picture() {
        ConfusionPainter matrixPicture = painter();
        return (g, w, h) -> matrixPicture.paint(g, w, h);
    }
}
