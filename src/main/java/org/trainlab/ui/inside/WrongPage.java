package org.trainlab.ui.inside;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import javafx.scene.Node;
import javafx.scene.layout.HBox;
import org.trainlab.experiment.inside.Mistake;
import org.trainlab.experiment.text.Messages;

/** What each run shown gets wrong: its misclassified held-out digits, most confident first, side by side. */
final class WrongPage implements InsidePage {

    private final InsideViewModel vm;
    private final Messages messages;
    private final DoubleSupplier zoom;
    private final HBox root = new HBox();
    private final List<PaintedView> views = new ArrayList<>();

    WrongPage(InsideViewModel vm, Messages messages, DoubleSupplier zoom) {
        this.vm = vm;
        this.messages = messages;
        this.zoom = zoom;
        root.getStyleClass().addAll("inside-page", "inside-columns");
        root.setId("inside-wrong");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void update() {
        PaintedView.showColumns(views, root, vm.shownProperty().get(), this::painter);
    }

    private TilesPainter painter(InsideViewModel.Shown s) {
        List<TilesPainter.Tile> tiles = new ArrayList<>();
        for (Mistake m : vm.worstFirst(s)) {
            tiles.add(ConfusionPage.tile(vm, s, m));
        }
        int wrong = s.epoch() == null ? 0 : s.epoch().confusion().total() - s.epoch().confusion().correct();
        String header = messages.format("inside.wrong.header", s.run().name(), wrong);
        return new TilesPainter(header, tiles, messages.get("inside.empty"), zoom.getAsDouble());
    }

    @Override
    public Painter picture() {
        List<Painter> parts = vm.shownProperty().get().stream().map(s -> (Painter) painter(s)).toList();
        return Pictures.columns(parts);
    }
}
