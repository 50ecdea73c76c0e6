package org.trainlab.ui.inside;

import javafx.scene.Node;

/** One of the Inside view's tabs: its controls, a redraw from the view model, and what it exports. */
interface InsidePage {

    Node node();

    /** Draws what the view model holds now; called only while the page is on screen. */
    void update();

    /** The page as one picture, for PNG and SVG. */
    Painter picture();

    /** Removes the page's listeners. */
    default void dispose() {
    }
}
