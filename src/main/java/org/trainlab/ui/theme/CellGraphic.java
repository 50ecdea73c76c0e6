package org.trainlab.ui.theme;

import javafx.scene.Node;

/**
 * A list's or table's cell keeps its graphic while it is empty, hidden and out of the layout (so an empty
 * row measures as one without a graphic), instead of taking it out: put back, the graphic and everything
 * in it would have their styles worked out anew, which was most of a preset's first click when its runs
 * filled the lists (docs/performance.md, "Tenth pass").
 */
public final class CellGraphic {

    private CellGraphic() {
    }

    /** Shows or hides {@code graphic}; nothing for a cell without one. */
    public static void show(Node graphic, boolean shown) {
        if (graphic != null) {
            graphic.setVisible(shown);
            graphic.setManaged(shown);
        }
    }
}
